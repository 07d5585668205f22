package dev.crm.query.web;

import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Binds a query string into a query-side handler's record parameter (a list's filter, {@code ?asOf=}): each
 * record component from the query parameter of its name, parsed by {@link QueryValues} (of a parameter given
 * more than once the first value counts; path variables, headers and unknown parameters are never looked at),
 * then Bean Validation when the parameter is {@code @Valid}. Every invalid parameter is listed in one
 * {@link MethodArgumentNotValidException}: a refused value with its reason, and each of the others validated
 * on its own when the record could not be constructed.
 * <p>
 * Spring's own constructor binding does the same but re-reads the constructor's parameter annotations on
 * every request, which cost the cheapest list pages a third of their throughput; here what a record type
 * needs is worked out once.
 */
public final class QueryStringRecords implements HandlerMethodArgumentResolver {

    private final SmartValidator validator;
    private final Map<Class<?>, QueryStringRecord> records = new ConcurrentHashMap<>();

    QueryStringRecords(SmartValidator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return binds(parameter);
    }

    /** Whether a handler's parameter is a record read from the query string (the OpenAPI document asks too). */
    public static boolean binds(MethodParameter parameter) {
        // Records of the query side that Spring would otherwise bind as a model attribute: no @PathVariable,
        // @RequestParam or @RequestBody on them.
        Class<?> type = parameter.getParameterType();
        return type.isRecord() && type.getPackageName().startsWith("dev.crm.query")
                && Arrays.stream(parameter.getParameterAnnotations())
                .allMatch(a -> ValidationAnnotationUtils.determineValidationHints(a) != null);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory)
            throws MethodArgumentNotValidException {
        QueryStringRecord record = records.computeIfAbsent(parameter.getParameterType(), QueryStringRecord::new);
        String name = ModelFactory.getNameForParameter(parameter);
        Map<String, Object> values = new LinkedHashMap<>();
        BindingResult errors = new MapBindingResult(values, name);
        Object[] args = record.read(request, values, errors);
        Object[] hints = validationHints(parameter);
        if (errors.hasErrors()) {
            if (hints != null) {
                values.forEach((field, value) -> validator.validateValue(record.type, field, value, errors, hints));
            }
            throw new MethodArgumentNotValidException(parameter, errors);
        }
        Object target = record.construct(args);
        if (hints != null) {
            BindingResult result = new DirectFieldBindingResult(target, name);
            validator.validate(target, result, hints);
            if (result.hasErrors()) {
                throw new MethodArgumentNotValidException(parameter, result);
            }
        }
        return target;
    }

    /** The validation groups of {@code @Valid} or {@code @Validated} on the parameter; {@code null} if neither. */
    private static Object[] validationHints(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
            if (hints != null) {
                return hints;
            }
        }
        return null;
    }

    /** A record type's canonical constructor and how each of its components is read from the query string. */
    private static final class QueryStringRecord {

        private final Class<?> type;
        private final Constructor<?> constructor;
        private final String[] names;
        private final Function<String, Object>[] parsers;

        @SuppressWarnings("unchecked") // an array of a generic type
        QueryStringRecord(Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            parsers = new Function[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                parsers[i] = parser(types[i]);
            }
            try {
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }

        /** Each component's value, collected in {@code values} too; a refused one is an error, its value null. */
        Object[] read(NativeWebRequest request, Map<String, Object> values, BindingResult errors) {
            Object[] args = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                String[] raw = request.getParameterValues(names[i]);
                try {
                    args[i] = raw == null ? null : parsers[i].apply(raw[0]);
                    values.put(names[i], args[i]);
                } catch (RejectedParameter e) {
                    // Not marked as a binding failure: its message is already the client's.
                    errors.addError(new FieldError(errors.getObjectName(), names[i], raw[0], false, null, null,
                            e.getMessage()));
                }
            }
            return args;
        }

        Object construct(Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Function<String, Object> parser(Class<?> type) {
            if (type == String.class) {
                return QueryValues::text;
            } else if (type == Integer.class) {
                return QueryValues::integer;
            } else if (type == Long.class) {
                return QueryValues::wholeNumber;
            } else if (type == Boolean.class) {
                return QueryValues::bool;
            } else if (type == Instant.class) {
                return QueryValues::instant;
            } else if (type.isEnum()) {
                return raw -> QueryValues.wireEnum(type, raw);
            }
            throw new IllegalStateException("no query parameter can be read as " + type);
        }
    }
}
