package dev.crm.command.web;

import dev.crm.api.common.FindRecord;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request's write for {@link GroupCommit}: the commands to send and what to answer, with the context (the
 * user, the request id for the log) they must run in, whichever thread runs them; and the answer the request
 * waits for.
 */
final class GroupedWrite<T> {

    private final Supplier<?> commands;
    final FindRecord find;
    private final Function<Object, T> answer;
    private final SecurityContext security = SecurityContextHolder.getContext();
    private final Map<String, String> logContext = MDC.getCopyOfContextMap();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private Object sent;

    @SuppressWarnings("unchecked")
    <R> GroupedWrite(Supplier<R> commands, FindRecord find, Function<R, T> answer) {
        this.commands = commands;
        this.find = find;
        this.answer = (Function<Object, T>) answer;
    }

    void send() {
        sent = inContext(commands);
    }

    T answer() {
        return inContext(() -> answer.apply(sent));
    }

    /** As without grouping: the commands in transactions of their own, then the answer. */
    void runAlone() {
        try {
            send();
            result.complete(answer());
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    @SuppressWarnings("unchecked")
    void answer(Object value) {
        result.complete((T) value);
    }

    private <R> R inContext(Supplier<R> work) {
        SecurityContext previousSecurity = SecurityContextHolder.getContext();
        Map<String, String> previousLog = MDC.getCopyOfContextMap();
        SecurityContextHolder.setContext(security);
        setLogContext(logContext);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previousSecurity);
            setLogContext(previousLog);
        }
    }

    T result() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void setLogContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
