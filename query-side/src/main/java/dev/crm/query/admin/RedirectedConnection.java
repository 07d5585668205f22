package dev.crm.query.admin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection on which every SQL text naming {@code read_model.<table>} of the given tables is sent as
 * {@code read_model.<table>_rebuild}: the projection's own handlers, unchanged, then write the shadow
 * tables of a rebuild. Everything else passes through.
 */
final class RedirectedConnection {

    static final String SUFFIX = "_rebuild";

    private RedirectedConnection() {
    }

    static Connection of(Connection target, Collection<String> tables) {
        Pattern names = Pattern.compile("\\bread_model\\.(" + String.join("|", tables.stream().map(Pattern::quote)
                .toList()) + ")\\b", Pattern.CASE_INSENSITIVE);
        return proxy(Connection.class, target, names);
    }

    static String rewrite(String sql, Pattern names) {
        return names.matcher(sql).replaceAll(m -> Matcher.quoteReplacement("read_model." + m.group(1) + SUFFIX));
    }

    private static <T> T proxy(Class<T> type, T target, Pattern names) {
        InvocationHandler handler = (self, method, args) -> {
            Object[] rewritten = args;
            if (args != null && args.length > 0 && args[0] instanceof String sql && !method.getName().equals("unwrap")) {
                rewritten = args.clone();
                rewritten[0] = rewrite(sql, names);
            }
            Object result = invoke(method, target, rewritten);
            if (result instanceof Statement statement && method.getReturnType() == Statement.class) {
                return proxy(Statement.class, statement, names);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(RedirectedConnection.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
