package dev.crm.query.admin;

import dev.crm.query.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/admin/projections/}: what each projection is doing, and rebuilding one (admin only). */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionsController {

    private final Projections projections;

    ProjectionsController(Projections projections) {
        this.projections = projections;
    }

    /** Every projection; a handful, so one page holds them all. */
    @GetMapping
    PageResponse<ProjectionStatus> list() {
        List<ProjectionStatus> all = projections.all();
        return new PageResponse<>(all.size(), null, null, all);
    }

    @PostMapping(path = "/{name}/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name) {
        return projections.rebuild(name);
    }
}
