package dev.crm.app.database;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * While the database is down, {@link DatabaseAvailability} says so once, and that it is back. Everything
 * that fails because of it (a processor's poll, the event store's reader thread, a transaction that lost its
 * connection) would otherwise log the same connection failure with a stack trace, over and over: log lines
 * whose exception is a connection failure ({@link DatabaseFailures#isOutage}) are not written. A filter of the
 * console appender ({@code logback-spring.xml}), not a turbo filter: those are asked about every logging call,
 * including the many debug calls that are off anyway, a few percent of the CPU of a write.
 */
public class OutageLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        // Logback has already taken a trailing Throwable argument for the event's exception.
        boolean outage = event.getThrowableProxy() instanceof ThrowableProxy proxy
                && DatabaseFailures.isOutage(proxy.getThrowable());
        return outage ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
