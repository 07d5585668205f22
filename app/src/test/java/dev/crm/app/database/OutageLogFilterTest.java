package dev.crm.app.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** During a database outage the failures it causes are not logged one by one; every other line is. */
class OutageLogFilterTest extends ApiTest {

    private final OutageLogFilter filter = new OutageLogFilter();
    private final Logger logger = new LoggerContext().getLogger("test");

    @Test
    void theConsoleDropsLinesWhoseExceptionIsALostDatabaseAndKeepsTheOthers() {
        Appender<ILoggingEvent> console = ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(console.getCopyOfAttachedFiltersList())
                .anySatisfy(f -> assertThat(f).isInstanceOf(OutageLogFilter.class));

        SQLException refused = new SQLException("Connection refused", "08001");
        assertThat(filter.decide(event("polling failed", refused))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event("polling failed: {}", null, "segment 0",
                new CannotGetJdbcConnectionException("no connection", refused)))).isEqualTo(FilterReply.DENY);

        assertThat(filter.decide(event("a handler failed", new IllegalStateException("a bug"))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("duplicate", new SQLException("duplicate key", "23505"))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("started", null))).isEqualTo(FilterReply.NEUTRAL);
    }

    private ILoggingEvent event(String message, Throwable thrown, Object... arguments) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, message, thrown, arguments);
    }
}
