package dev.crm.query.history;

import dev.crm.api.history.AuditEntry;
import dev.crm.api.history.HistoryQueries.ListAuditLog;
import dev.crm.query.web.PageResponse;
import dev.crm.api.common.ReadModel;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code GET /api/audit-log/} (admin, auditor; see the security configuration): every event, newest first, a
 * page at a time; or, asked for {@code text/csv}, every entry the filters select, oldest first, as one download.
 */
@RestController
class AuditLogController {

    private static final String CSV = "text/csv";

    private final ReadModel readModel;
    private final AuditLogCsv csv;

    AuditLogController(ReadModel readModel, AuditLogCsv csv) {
        this.readModel = readModel;
        this.csv = csv;
    }

    // JSON named, not implied: else Spring takes the CSV mapping whenever CSV is acceptable at all, even to a
    // client that prefers JSON (Accept: text/csv;q=0.5, application/json).
    @GetMapping(path = "/api/audit-log", produces = MediaType.APPLICATION_JSON_VALUE)
    PageResponse<AuditEntry> list(@Valid AuditLogFilter filter) {
        ListAuditLog query = filter.query();
        return PageResponse.of(readModel.page(query), query.page());
    }

    @GetMapping(path = "/api/audit-log", produces = CSV)
    void export(@Valid AuditLogFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType(CSV);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"");
        csv.write(filter.query(), response.getOutputStream());
    }
}
