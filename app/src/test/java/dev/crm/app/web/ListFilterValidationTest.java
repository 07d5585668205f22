package dev.crm.app.web;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.ReadModel;
import dev.crm.api.contact.ContactQueries.ListContacts;
import dev.crm.api.contact.ContactStage;
import dev.crm.query.asof.PointInTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * How Spring MVC binds a list's query string into its filter record and validates it, and how one answer lists
 * every invalid parameter: only the web layer runs here (the contacts' read controller, the query-string
 * binding, Bean Validation, the problem advice). The read model behind the controller is a stand-in, so a test
 * can see which query a valid query string becomes and that an invalid one asks nothing.
 */
@WebLayerTest(@ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "dev\\.crm\\.query\\.contact\\.ContactQueryController", "dev\\.crm\\.query\\.web\\.QueryStringBinding"}))
class ListFilterValidationTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ReadModel readModel;
    /** The controller's reader of single records as of an instant; no list goes through it. */
    @MockitoBean
    PointInTime pointInTime;

    @Test
    void everyInvalidParameterIsNamedInOneAnswerAndNothingIsRead() {
        MvcTestResult answer = mvc.get().uri("/api/contacts").queryParam("stage", "hot").queryParam("page", "0")
                .queryParam("limit", "ten").queryParam("ordering", "colour").queryParam("assignedTo", "cnt_1")
                .queryParam("createdAfter", "yesterday").exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.errors").asArray().containsExactlyInAnyOrder(
                error("stage", "must be one of: new, contacted, engaged, proposal_sent, negotiation, customer, inactive"),
                error("page", "must be a whole number of at least 1"),
                error("limit", "must be a whole number"),
                error("ordering", "must be one of createdAt, email, lastName, updatedAt, optionally prefixed with -"
                        + " for descending order"),
                error("assignedTo", "must be a user id (usr_...)"),
                error("createdAfter", "must be a date (2025-01-15) or an ISO-8601 date-time (2025-01-15T10:30:00Z)"));
        verifyNoInteractions(readModel);
    }

    @Test
    void aValidQueryStringBecomesOneListQuery() {
        when(readModel.page(any())).thenReturn(new Page<>(0, List.of()));

        MvcTestResult answer = mvc.get().uri("/api/contacts?stage=engaged&tags=vip,b2b&ordering=-lastName"
                + "&page=2&limit=5&createdAfter=2026-01-01T00:00:00Z&unknown=ignored").exchange();

        assertThat(answer).hasStatusOk();
        assertThat(answer).bodyJson().extractingPath("$.count").isEqualTo(0);
        verify(readModel).page(new ListContacts(ContactStage.ENGAGED, null, null,
                Instant.parse("2026-01-01T00:00:00Z"), null, List.of("vip", "b2b"),
                new PageQuery(2, 5, "lastName", true)));
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
