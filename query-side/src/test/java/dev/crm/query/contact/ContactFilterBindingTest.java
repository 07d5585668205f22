package dev.crm.query.contact;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import dev.crm.api.contact.ContactQueries.ListContacts;
import dev.crm.api.contact.ContactStage;
import dev.crm.query.asof.PointInTime;
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

/** How {@code GET /api/contacts/} reads its query string: given these parameters, this query or these errors. */
class ContactFilterBindingTest {

    private final ReadModel readModels = mock(ReadModel.class);
    private final MockMvc mvc = QueryStringTesting.mockMvc(new ContactQueryController(readModels,
            mock(PointInTime.class)));

    @Test
    void everyInvalidParameterIsListedWithItsReason() throws Exception {
        Map<String, String> errors = QueryStringTesting.errors(mvc, "/api/contacts?page=0&limit=ten&ordering=phone"
                + "&stage=hot&createdAfter=yesterday&createdBefore=0000-12-31&assignedTo=bob&search=a%00b");

        assertThat(errors).containsOnlyKeys("page", "limit", "ordering", "stage", "createdAfter", "createdBefore",
                "assignedTo", "search");
        assertThat(errors.get("page")).isEqualTo("must be a whole number of at least 1");
        assertThat(errors.get("limit")).isEqualTo("must be a whole number");
        assertThat(errors.get("ordering")).isEqualTo("must be one of createdAt, email, lastName, updatedAt,"
                + " optionally prefixed with - for descending order");
        assertThat(errors.get("stage")).startsWith("must be one of: new, contacted, engaged, proposal_sent");
        assertThat(errors.get("createdAfter")).startsWith("must be a date (2025-01-15) or an ISO-8601 date-time");
        assertThat(errors.get("createdBefore")).isEqualTo("must be between the years 0001 and 9999");
        assertThat(errors.get("assignedTo")).isEqualTo("must be a user id (usr_...)");
        assertThat(errors.get("search")).contains("without the NUL character");
    }

    @Test
    void valuesAreReadTheWayTheApiSpellsThem() throws Exception {
        when(readModels.page(any())).thenReturn(new Page<>(0, List.of()));

        mvc.perform(QueryStringTesting.get("/api/contacts?stage=proposal_sent&createdAfter=2025-01-15"
                + "&createdBefore=2025-02-01T10:30:00%2B01:00&tags=vip,%20emea,&search=%20acme%20&limit=500"
                + "&ordering=-lastName&page=2"));

        verify(readModels).page(new ListContacts(ContactStage.PROPOSAL_SENT, null, "acme",
                Instant.parse("2025-01-15T00:00:00Z"), Instant.parse("2025-02-01T09:30:00Z"), List.of("vip", "emea"),
                new PageQuery(2, 100, "lastName", true)));
    }

    @Test
    void blankParametersAreAbsent() throws Exception {
        when(readModels.page(any())).thenReturn(new Page<>(0, List.of()));

        mvc.perform(QueryStringTesting.get("/api/contacts?stage=&assignedTo=%20&tags=,&page=&ordering=")
                .header("Search", "not a parameter"));

        verify(readModels).page(new ListContacts(null, null, null, null, null, null,
                new PageQuery(1, 20, "createdAt", true)));
    }

    @Test
    void ofARepeatedParameterTheFirstValueCounts() throws Exception {
        when(readModels.page(any())).thenReturn(new Page<>(0, List.of()));

        mvc.perform(QueryStringTesting.get("/api/contacts?page=2&page=x&stage=new&stage=hot&tags=a&tags=b"));

        verify(readModels).page(new ListContacts(ContactStage.NEW, null, null, null, null, List.of("a"),
                new PageQuery(2, 20, "createdAt", true)));
    }
}
