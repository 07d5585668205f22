package dev.crm.app.openapi;

import dev.crm.api.common.PageQuery;
import dev.crm.query.web.ListFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.RecordId;
import dev.crm.query.web.WholeNumber;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The query parameters of a record the query side binds from the query string (a list's filter, {@code ?asOf=}):
 * one per component, typed as {@code QueryStringRecords} reads it, with the constraints of its annotations, and for
 * a list's paging the defaults its {@link ListFilter} applies. A component added to a filter record is documented
 * with nothing else to do.
 */
final class QueryParameters {

    private static final String INSTANT = "A date (2025-01-15, meaning its start in UTC) or an ISO-8601 date-time "
            + "with a zone (2025-01-15T10:30:00Z).";

    /** What a parameter means, by name; types and constraints say the rest. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("page", "The page to answer, from 1."),
            Map.entry("limit", "How many records a page holds at most; more than " + ListFilter.MAX_LIMIT
                    + " count as " + ListFilter.MAX_LIMIT + "."),
            Map.entry("ordering", "The field to order by; a leading - orders descending."),
            Map.entry("search", "Case-insensitive text that the record's name or other text fields contain."),
            Map.entry("tags", "Comma-separated tags (vip,emea): only records that carry every one."),
            Map.entry("assignedTo", "Only records assigned to this user."),
            Map.entry("createdAfter", "Only records created after this instant."),
            Map.entry("createdBefore", "Only records created before this instant."),
            Map.entry("dueBefore", "Only tasks due before this instant."),
            Map.entry("asOf", "Answer as the data stood at this instant, rebuilt from the events."),
            Map.entry("entityType", "Only events of this kind of record."),
            Map.entry("entityId", "Only events of this record."),
            Map.entry("actor", "Only events caused by this user (system: what the server did on its own)."),
            Map.entry("type", "Only events of this type, <entity>.<event> (contact.stage_changed)."),
            Map.entry("after", "Only events after this instant."),
            Map.entry("before", "Only events before this instant."),
            Map.entry("from", "Only leads created from this instant on."),
            Map.entry("to", "Only leads created before this instant."),
            Map.entry("position", "The position of a head kept outside the system (with hash)."),
            Map.entry("hash", "The hash of that head, as /api/audit/head/ answered it (with position)."),
            Map.entry("source", "Only leads from this source."),
            Map.entry("active", "Only active (true) or deactivated (false) users."));

    private QueryParameters() {
    }

    static List<Parameter> of(Class<?> record) {
        PageQuery defaults = defaultPage(record);
        List<Parameter> parameters = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            parameters.add(parameter(record, component, defaults));
        }
        return parameters;
    }

    private static Parameter parameter(Class<?> record, RecordComponent component, PageQuery defaults) {
        String name = component.getName();
        Field field = field(record, name);
        Schema<?> schema = schema(component.getType());
        List<String> description = new ArrayList<>();
        if (MEANINGS.containsKey(name)) {
            description.add(MEANINGS.get(name));
        }
        if (component.getType() == Instant.class) {
            description.add(INSTANT);
        }
        boolean required = false;
        for (var annotation : field.getAnnotations()) {
            if (annotation instanceof WholeNumber whole) {
                schema.setMinimum(BigDecimal.valueOf(whole.min()));
            } else if (annotation instanceof Min min) {
                schema.setMinimum(BigDecimal.valueOf(min.value()));
            } else if (annotation instanceof OrderBy orderBy) {
                ((StringSchema) schema).setEnum(Arrays.stream(orderBy.value())
                        .flatMap(f -> Stream.of(f, "-" + f)).toList());
            } else if (annotation instanceof RecordId id) {
                schema.setPattern(idPattern(id));
                description.add(idDescription(id));
            } else if (annotation instanceof Pattern pattern) {
                Schemas.pattern(schema, pattern.regexp());
            } else if (annotation instanceof NotNull) {
                required = true;
            } else if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema declared) {
                if (!declared.defaultValue().equals(io.swagger.v3.oas.annotations.media.Schema.DEFAULT_SENTINEL)) {
                    schema.setDefault(declared.defaultValue());
                }
                if (!declared.description().isEmpty()) {
                    description.remove(MEANINGS.get(name));
                    description.add(0, declared.description());
                }
            }
        }
        if (defaults != null) {
            switch (name) {
                case "page" -> schema.setDefault(defaults.page());
                case "limit" -> schema.setDefault(defaults.limit());
                case "ordering" -> schema.setDefault((defaults.descending() ? "-" : "") + defaults.orderBy());
                default -> { }
            }
        }
        return new Parameter().in("query").name(name).required(required ? true : null).schema(schema)
                .description(description.isEmpty() ? null : String.join(" ", description));
    }

    private static Schema<?> schema(Class<?> type) {
        if (type == Integer.class) {
            return new IntegerSchema();
        } else if (type == Long.class) {
            return new IntegerSchema().format("int64");
        } else if (type == Boolean.class) {
            return new BooleanSchema();
        } else if (type == Instant.class) {
            return new DateTimeSchema();
        } else if (type.isEnum()) {
            return Schemas.ref(type);
        }
        return new StringSchema();
    }

    /** What a list answers when no paging is asked for; {@code null} for records that are no list's filter. */
    private static PageQuery defaultPage(Class<?> record) {
        if (!ListFilter.class.isAssignableFrom(record)) {
            return null;
        }
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(Arrays.stream(record.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            // every component absent, as for a request without any parameter
            return ((ListFilter) constructor.newInstance(new Object[record.getRecordComponents().length])).pageQuery();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make an empty " + record, e);
        }
    }

    private static String idPattern(RecordId id) {
        List<String> shapes = new ArrayList<>(id.value().length == 0 ? List.of("[a-z]+_" + Schemas.ULID)
                : Arrays.stream(id.value()).map(Schemas::idPattern).toList());
        shapes.addAll(List.of(id.or()));
        return "^(" + String.join("|", shapes) + ")$";
    }

    private static String idDescription(RecordId id) {
        String ids = id.value().length == 0 ? "A record id (cnt_...)" : Arrays.stream(id.value())
                .map(Schemas::idOf).collect(Collectors.joining(" or "));
        return Character.toUpperCase(ids.charAt(0)) + ids.substring(1)
                + (id.or().length == 0 ? "" : " or " + String.join(" or ", id.or())) + ".";
    }

    private static Field field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
