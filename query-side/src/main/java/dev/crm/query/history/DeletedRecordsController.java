package dev.crm.query.history;

import dev.crm.api.common.ReadModel;
import dev.crm.api.history.DeletedRecord;
import dev.crm.api.history.HistoryQueries.ListDeletedRecords;
import dev.crm.query.web.PageResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/deleted-records/} (admin, auditor; see the security configuration): deleted records
 * found by their last known name or email, which the lists' {@code search} cannot find any more.
 */
@RestController
class DeletedRecordsController {

    private final ReadModel readModel;

    DeletedRecordsController(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/api/audit/deleted-records")
    PageResponse<DeletedRecord> listDeletedRecords(@Valid DeletedRecordFilter filter) {
        ListDeletedRecords query = filter.query();
        return PageResponse.of(readModel.page(query), query.page());
    }
}
