package dev.crm.query.report;

import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The query string of {@code GET /api/reports/stage-durations/}: which kind of record, one with stages. */
record StageDurationsFilter(
        @Schema(description = "The kind of record whose stages to report on.")
        @NotNull(message = StageDurationsFilter.STAGED)
        @Pattern(regexp = "contact|lead|opportunity", message = StageDurationsFilter.STAGED) String entityType) {

    static final String STAGED = "must be one of: contact, lead, opportunity";

    IdType entity() {
        return EventNames.recordTypeNamed(entityType).orElseThrow();
    }
}
