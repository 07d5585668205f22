package dev.crm.query.admin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection a rebuild hands to a projection's unchanged handlers. Two things differ from a plain one:
 * <ul>
 * <li>every SQL text naming {@code read_model.<table>} of the rebuilt tables is sent as
 * {@code read_model.<table>_rebuild}, so the handlers write the shadow tables;</li>
 * <li>updates are not sent one by one: consecutive executions of the same statement are collected into
 * one JDBC batch (one round trip), sent when another statement, a query or the commit comes. The order of
 * writes is kept; a handler sees 1 as the row count of each update.</li>
 * </ul>
 */
final class ShadowConnection {

    static final String SUFFIX = "_rebuild";

    private final Connection target;
    private final Pattern names;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final Connection proxy;
    private PreparedStatement pending;

    ShadowConnection(Connection target, Collection<String> tables) {
        this.target = target;
        this.names = Pattern.compile("\\bread_model\\.(" + String.join("|", tables.stream().map(Pattern::quote)
                .toList()) + ")\\b", Pattern.CASE_INSENSITIVE);
        this.proxy = proxy(Connection.class, this::onConnection);
    }

    /** The connection to give the handlers. */
    Connection connection() {
        return proxy;
    }

    /** Sends the collected batch, if any. */
    void flush() throws SQLException {
        if (pending != null) {
            PreparedStatement batch = pending;
            pending = null;
            batch.executeBatch();
        }
    }

    /** Closes the statements kept for batching (the connection itself belongs to the caller). */
    void close() throws SQLException {
        pending = null;
        for (PreparedStatement statement : prepared.values()) {
            statement.close();
        }
        prepared.clear();
    }

    private Object onConnection(Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") && args.length == 1) {
            String sql = rewrite((String) args[0]);
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = target.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            if (pending != null && pending != statement) {
                flush();
            }
            PreparedStatement batched = statement;
            return proxy(PreparedStatement.class, (m, a) -> onPrepared(batched, m, a));
        }
        flush();
        if (name.equals("commit") || name.equals("rollback") || name.equals("close") || name.equals("setAutoCommit")) {
            throw new UnsupportedOperationException("the rebuild owns the transaction");
        }
        Object[] rewritten = rewriteFirst(method, args);
        Object result = invoke(method, target, rewritten);
        if (result instanceof Statement statement && method.getReturnType() == Statement.class) {
            return proxy(Statement.class, (m, a) -> {
                flush();
                return invoke(m, statement, rewriteFirst(m, a));
            });
        }
        return result;
    }

    private Object onPrepared(PreparedStatement statement, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "executeUpdate", "executeLargeUpdate", "execute" -> {
                if (args == null || args.length == 0) {
                    statement.addBatch();
                    pending = statement;
                    return method.getReturnType() == boolean.class ? false
                            : method.getReturnType() == long.class ? (Object) 1L : (Object) 1;
                }
            }
            case "close" -> {
                return null;
            }
            case "isClosed" -> {
                return false;
            }
            case "executeQuery", "executeBatch", "executeLargeBatch" -> flush();
            default -> {
            }
        }
        return invoke(method, statement, args);
    }

    private Object[] rewriteFirst(Method method, Object[] args) {
        if (args != null && args.length > 0 && args[0] instanceof String sql && !method.getName().equals("unwrap")) {
            Object[] rewritten = args.clone();
            rewritten[0] = rewrite(sql);
            return rewritten;
        }
        return args;
    }

    private String rewrite(String sql) {
        return names.matcher(sql).replaceAll(m -> Matcher.quoteReplacement("read_model." + m.group(1) + SUFFIX));
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        InvocationHandler invocation = (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> type.getSimpleName() + " of a rebuild";
                };
            }
            return handler.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(ShadowConnection.class.getClassLoader(), new Class<?>[] {type},
                invocation));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
