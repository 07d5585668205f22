package dev.crm.query.history;

import dev.crm.api.common.IdType;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.history.HistoryEntry;
import dev.crm.api.history.HistoryQueries.ListHistory;
import dev.crm.query.web.PageResponse;
import dev.crm.api.common.ReadModel;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code GET /api/{resource}/{id}/history/}: a record's events, oldest first. One endpoint for every resource
 * that has a history; the id's prefix must match the resource, so a lead id under contacts is a 404.
 */
@RestController
class HistoryController {

    private static final Map<String, IdType> RESOURCES = Map.of("contacts", IdType.CONTACT, "leads", IdType.LEAD,
            "accounts", IdType.ACCOUNT, "opportunities", IdType.OPPORTUNITY);

    private final ReadModel readModel;

    HistoryController(ReadModel readModel) {
        this.readModel = readModel;
    }

    // The OpenAPI document lists one path per resource named here (contactHistory, leadHistory, ...).
    @GetMapping("/api/{resource}/{id}/history")
    PageResponse<HistoryEntry> history(@Parameter(schema = @Schema(allowableValues = {"contacts", "leads", "accounts",
                                               "opportunities"})) @PathVariable String resource,
                                       @PathVariable String id,
                                       @Valid EventPage page) {
        IdType type = RESOURCES.get(resource);
        if (type == null) {
            throw new NotFoundException("There is nothing at this path.");
        }
        type.requireMatch(id);
        return PageResponse.of(readModel.page(new ListHistory(id, page.pageQuery())), page.pageQuery());
    }
}
