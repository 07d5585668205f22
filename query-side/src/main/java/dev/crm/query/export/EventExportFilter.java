package dev.crm.query.export;

import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import dev.crm.query.web.WholeNumber;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The query string of {@code GET /api/events/}: the events after export position {@code after} (default 0),
 * at most {@code limit} of them (default 1,000, clamped to 10,000), optionally only those of one kind of record
 * ({@code entityType=contact}) or one event type ({@code type=contact.stage_changed}).
 */
record EventExportFilter(@Schema(defaultValue = "0", description = "The export position to continue after.")
                         @WholeNumber(min = 0) Long after,
                         @Schema(defaultValue = "1000", description = "How many events to answer at most; more than "
                                 + "10,000 count as 10,000.")
                         @WholeNumber Long limit,
                         @EventTypeName(entityOnly = true) String entityType, @EventTypeName String type) {

    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    long afterPosition() {
        return after == null ? 0 : after;
    }

    long maxEvents() {
        return Math.min(limit == null ? DEFAULT_LIMIT : limit, MAX_LIMIT);
    }

    Optional<IdType> entity() {
        return Optional.ofNullable(entityType).flatMap(EventNames::recordTypeNamed);
    }

    /** The entity of {@code type} and the simple names its event classes may have. */
    Optional<EventClasses> eventClasses() {
        if (type == null) {
            return Optional.empty();
        }
        Matcher matcher = EventTypeName.TYPE.matcher(type);
        matcher.matches();
        IdType entity = EventNames.recordTypeNamed(matcher.group(1)).orElseThrow();
        return Optional.of(new EventClasses(entity,
                EventNames.simpleClassNames(entity.entityType(), matcher.group(2))));
    }

    record EventClasses(IdType entity, String... simpleNames) {
    }
}
