package dev.crm.query.history;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import dev.crm.api.history.HistoryQueries.ListAuditLog;
import dev.crm.query.web.QueryStringTesting;
import dev.crm.api.common.ReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How {@code GET /api/audit-log/} reads its query string: given these parameters, this query or these errors. */
class AuditLogFilterBindingTest {

    private final ReadModel readModels = mock(ReadModel.class);
    private final MockMvc mvc = QueryStringTesting.mockMvc(new AuditLogController(readModels,
            mock(AuditLogCsv.class)));

    @Test
    void everyInvalidParameterIsListedWithItsReason() throws Exception {
        Map<String, String> errors = QueryStringTesting.errors(mvc, "/api/audit-log?entityType=widget"
                + "&after=yesterday&limit=x&entityId=%00&actor=bob&type=DROP%20TABLE&ordering=-createdAt"
                + "&before=%2B999999999-01-01T00:00:00Z");

        assertThat(errors).containsOnlyKeys("entityType", "after", "limit", "entityId", "actor", "type", "before",
                "ordering");
        assertThat(errors.get("entityType")).isEqualTo("must be one of: contact, lead, account, opportunity, user,"
                + " note, task");
        assertThat(errors.get("actor")).isEqualTo("must be a user id (usr_...) or system");
        assertThat(errors.get("type")).isEqualTo("must be an event type such as contact.stage_changed");
        assertThat(errors.get("ordering")).isEqualTo("must be one of occurredAt, optionally prefixed with - for"
                + " descending order");
    }

    @Test
    void newestFirstUnlessOrderedOtherwise() throws Exception {
        when(readModels.page(any())).thenReturn(new Page<>(0, List.of()));

        mvc.perform(QueryStringTesting.get("/api/audit-log?actor=system&entityType=user&after=2025-01-01"));
        mvc.perform(QueryStringTesting.get("/api/audit-log?type=contact.created&ordering=occurredAt&limit=5"));

        verify(readModels).page(new ListAuditLog("user", null, "system", null, Instant.parse("2025-01-01T00:00:00Z"),
                null, new PageQuery(1, 20, "occurredAt", true)));
        verify(readModels).page(new ListAuditLog(null, null, null, "contact.created", null, null,
                new PageQuery(1, 5, "occurredAt", false)));
    }
}
