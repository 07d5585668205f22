package dev.crm.app.openapi;

import dev.crm.api.common.Patch;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.Kind;
import dev.crm.command.web.constraints.NameRequired;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Reference;
import dev.crm.command.web.constraints.Required;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of the request bodies, read from their {@link WriteRequest} records as {@code RequestBodyConverter}
 * and Bean Validation read them: a {@code Patch<T>} field is a {@code T}, and the constraints written on that
 * {@code T} ({@code Patch<@Size(max = 100) String>}), which no schema generator sees, are the schema's. A body
 * validated for a create and one validated for a partial update differ: what a create requires, and what an
 * update may clear with {@code null}; they are two schemas ({@code ContactRequest}, {@code ContactPatch}).
 * The schemas made are kept here until the document takes them into its components.
 */
final class RequestSchemas {

    private static final BigDecimal AMOUNTS_BELOW = new BigDecimal("1000000000000000");

    private final Map<String, Schema<?>> made = new ConcurrentHashMap<>();

    /** The name of the schema of {@code type} validated with {@code group}, made if need be. */
    String schemaFor(Class<?> type, Class<?> group) {
        boolean update = group == OnUpdate.class;
        String name = update ? type.getSimpleName().replaceFirst("Request$", "") + "Patch" : type.getSimpleName();
        made.computeIfAbsent(name, n -> schema(type, group, update));
        return name;
    }

    Map<String, Schema<?>> made() {
        return Map.copyOf(made);
    }

    private static Schema<?> schema(Class<?> type, Class<?> group, boolean update) {
        ObjectSchema object = new ObjectSchema();
        // RequestBodyConverter refuses every field it does not know
        object.setAdditionalProperties(false);
        List<String> notes = new ArrayList<>();
        io.swagger.v3.oas.annotations.media.Schema declared =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        if (declared != null && !declared.description().isEmpty()) {
            notes.add(declared.description());
        }
        if (update) {
            notes.add("Changes the fields it names and nothing else; null clears a field that may be empty.");
        }
        NameRequired name = type.getAnnotation(NameRequired.class);
        if (name != null && applies(name, group)) {
            notes.add("A firstName or a lastName is required.");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = Field.of(type, component);
            if (field.has(Null.class, group)) {
                continue; // may not be given at all
            }
            Schema<?> schema = field.schema();
            if (field.has(Required.class, group)) {
                object.addRequiredItem(component.getName());
                if (schema instanceof StringSchema) {
                    schema.setMinLength(1); // not blank
                }
            }
            if (update && field.isPatch() && !field.has(NotCleared.class, group) && schema.get$ref() == null
                    && !(schema instanceof BooleanSchema)) {
                schema.setNullable(true);
            }
            object.addProperty(component.getName(), schema);
        }
        if (!notes.isEmpty()) {
            object.setDescription(String.join(" ", notes));
        }
        return object;
    }

    /** Whether a constraint is checked when validating with {@code group} ({@code null}: the default group). */
    private static boolean applies(Annotation constraint, Class<?> group) {
        try {
            Class<?>[] groups = (Class<?>[]) constraint.annotationType().getMethod("groups").invoke(constraint);
            return groups.length == 0 ? group == null || Default.class.isAssignableFrom(group)
                    : Arrays.asList(groups).contains(group == null ? Default.class : group);
        } catch (ReflectiveOperationException e) {
            return true; // not a constraint: an annotation that always holds
        }
    }

    /** A request field: its value's type, and the annotations on the field and on that type. */
    private record Field(AnnotatedType value, boolean isPatch, List<Annotation> annotations) {

        static Field of(Class<?> type, RecordComponent component) {
            AnnotatedType declared = component.getAnnotatedType();
            boolean patch = component.getType() == Patch.class;
            AnnotatedType value = patch
                    ? ((AnnotatedParameterizedType) declared).getAnnotatedActualTypeArguments()[0] : declared;
            List<Annotation> annotations = new ArrayList<>(List.of(declared.getAnnotations()));
            if (patch) {
                annotations.addAll(List.of(value.getAnnotations()));
            }
            try {
                annotations.addAll(List.of(type.getDeclaredField(component.getName()).getAnnotations()));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            return new Field(value, patch, annotations);
        }

        boolean has(Class<? extends Annotation> kind, Class<?> group) {
            return annotations.stream().anyMatch(a -> kind.isInstance(a) && applies(a, group));
        }

        Schema<?> schema() {
            return constrained(typed(value), annotations);
        }

        private static Schema<?> typed(AnnotatedType type) {
            if (type instanceof AnnotatedParameterizedType list) {
                AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
                return new ArraySchema().items(constrained(typed(element), List.of(element.getAnnotations())));
            }
            Class<?> raw = (Class<?>) type.getType();
            if (raw == Boolean.class) {
                return new BooleanSchema();
            } else if (raw == Integer.class) {
                return new IntegerSchema();
            } else if (raw == Long.class) {
                return new IntegerSchema().format("int64");
            } else if (raw == BigDecimal.class) {
                return new NumberSchema();
            } else if (raw.isEnum()) {
                return Schemas.ref(raw);
            }
            return new StringSchema();
        }

        private static Schema<?> constrained(Schema<?> schema, List<Annotation> annotations) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof Size size && schema instanceof ArraySchema) {
                    schema.setMinItems(size.min() > 0 ? size.min() : null);
                    schema.setMaxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
                } else if (annotation instanceof Size size) {
                    schema.setMinLength(size.min() > 0 ? size.min() : null);
                    schema.setMaxLength(size.max() < Integer.MAX_VALUE ? size.max() : null);
                } else if (annotation instanceof Pattern pattern) {
                    Schemas.pattern(schema, pattern.regexp());
                } else if (annotation instanceof Min min) {
                    schema.setMinimum(BigDecimal.valueOf(min.value()));
                } else if (annotation instanceof Max max) {
                    schema.setMaximum(BigDecimal.valueOf(max.value()));
                } else if (annotation instanceof Reference reference) {
                    // an empty text is no reference: it clears one
                    schema.setPattern("^(" + Schemas.idPattern(reference.value()) + ")?$");
                    schema.setDescription(Schemas.capitalized(Schemas.idOf(reference.value()))
                            + " of a record that exists.");
                } else if (annotation instanceof Kind kind) {
                    kind(schema, kind.value());
                }
            }
            return schema;
        }

        private static void kind(Schema<?> schema, Kind.Of kind) {
            switch (kind) {
                case AMOUNT -> {
                    schema.setMinimum(BigDecimal.ZERO);
                    schema.setMaximum(AMOUNTS_BELOW);
                    schema.setExclusiveMaximum(true);
                    schema.setDescription("An amount of money with at most two decimals.");
                }
                case CURRENCY -> {
                    schema.setPattern("^[A-Z]{3}$");
                    schema.setDescription("An ISO 4217 currency code (USD).");
                }
                case ISO_DATE -> schema.setFormat("date");
                case ISO_INSTANT -> schema.setFormat("date-time");
                case TAGS -> {
                    schema.getItems().minLength(1).maxLength(50);
                    schema.setDescription("At most 50 different tags; repeats are dropped.");
                }
            }
        }
    }
}
