package dev.crm.app.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * While the database is down, {@link DatabaseAvailability} says so once, and that it is back. Everything
 * that fails because of it (a processor's poll, the event store's reader thread, a transaction that lost its
 * connection) would otherwise log the same connection failure with a stack trace, over and over: log lines
 * whose exception is a connection failure ({@link DatabaseFailures#isOutage}) are denied. Registered in
 * {@code logback-spring.xml}.
 */
public class OutageLogFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (causedByOutage(t) || (params != null && params.length > 0
                && params[params.length - 1] instanceof Throwable last && causedByOutage(last))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean causedByOutage(Throwable t) {
        return t != null && DatabaseFailures.isOutage(t);
    }
}
