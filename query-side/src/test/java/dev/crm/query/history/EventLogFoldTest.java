package dev.crm.query.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild's shortcut for event times means the same instant the projection stores. */
class EventLogFoldTest {

    @Test
    void cutsAnEventsTimeToTheMillisecondAsTheProjectionDoes() {
        for (String time : new String[] {"2026-03-02T10:00:00Z", "2026-03-02T10:00:00.120Z",
                "2026-03-02T10:00:00.123456789Z", "2026-03-02T10:00:00.999999Z", "1969-12-31T23:59:59.9999Z",
                "2026-03-02T10:00:00.5+02:00"}) {
            Instant projection = Instant.parse(time).truncatedTo(ChronoUnit.MILLIS);
            assertThat(Instant.parse(EventLogFold.millis(time))).as(time).isEqualTo(projection);
        }
    }
}
