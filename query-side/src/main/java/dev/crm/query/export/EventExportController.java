package dev.crm.query.export;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** {@code GET /api/events/} (admin, auditor; see the security configuration): the event history as NDJSON. */
@RestController
class EventExportController {

    private static final String NDJSON = "application/x-ndjson";

    private final EventExport events;

    EventExportController(EventExport events) {
        this.events = events;
    }

    @GetMapping(path = "/api/events", produces = NDJSON)
    void exportEvents(@Valid EventExportFilter filter, HttpServletResponse response) throws IOException {
        // Before the answer starts, so that a failure here is still answered as an error.
        events.catchUp();
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        events.write(filter, response.getOutputStream());
    }
}
