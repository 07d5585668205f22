package dev.crm.query.export;

import dev.crm.api.common.IdType;
import dev.crm.query.web.QueryStringTesting;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** How {@code GET /api/events/} reads its query string: given these parameters, this export or these errors. */
class EventExportFilterBindingTest {

    private final EventExport events = mock(EventExport.class);
    private final MockMvc mvc = QueryStringTesting.mockMvc(new EventExportController(events));

    @Test
    void everyInvalidParameterIsListedWithItsReason() throws Exception {
        Map<String, String> errors = QueryStringTesting.errors(mvc,
                "/api/events?after=-1&limit=0&type=Contact&entityType=planet");

        assertThat(errors).containsExactlyInAnyOrderEntriesOf(Map.of(
                "after", "must be a whole number of at least 0",
                "limit", "must be a whole number of at least 1",
                "type", "must be <entity>.<event> in snake case, e.g. contact.stage_changed",
                "entityType", "the entity must be one of: user, contact, lead, account, opportunity, note, task,"
                        + " token, event"));
        assertThat(QueryStringTesting.errors(mvc, "/api/events?type=planet.created&after=99999999999999999999"))
                .containsOnlyKeys("type", "after");
    }

    @Test
    void anEventTypeNamesItsEntityAndTheClassesItMayHave() throws Exception {
        mvc.perform(QueryStringTesting.get("/api/events?after=7&type=contact.stage_changed&limit=20000"));

        EventExportFilter filter = new EventExportFilter(7L, 20000L, null, "contact.stage_changed");
        verify(events).write(eq(filter), any());
        assertThat(filter.maxEvents()).isEqualTo(10_000);
        EventExportFilter.EventClasses classes = filter.eventClasses().orElseThrow();
        assertThat(classes.entity()).isEqualTo(IdType.CONTACT);
        assertThat(classes.simpleNames()).containsExactly("ContactStageChanged", "StageChanged");
    }
}
