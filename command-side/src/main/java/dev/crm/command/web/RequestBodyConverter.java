package dev.crm.command.web;

import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.Patch;
import dev.crm.api.common.StorableText;
import dev.crm.api.common.WireEnums;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a {@link WriteRequest} record from a JSON object so that every problem is found, not just the first:
 * Jackson stops at the first field it cannot read. Each field is first tried on its own against its component's
 * type; a field that fails (a wrong type, an unknown or read-only name, text that cannot be stored) is set
 * aside as a {@link FieldProblem} and the record is read from the fields that remain, for Bean Validation to
 * judge. Texts are trimmed unless {@link FreeText}. It reads with the strict mapper of {@link
 * RequestBodyConfiguration}: no number or boolean becomes a string, no string a number, no fraction an integer.
 */
public class RequestBodyConverter extends AbstractHttpMessageConverter<Object> {

    private final JsonMapper mapper;
    private final Map<Class<?>, RequestShape> shapes = new ConcurrentHashMap<>();

    public RequestBodyConverter(JsonMapper mapper) {
        super(MediaType.APPLICATION_JSON);
        this.mapper = mapper;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return type.isRecord() && type.isAnnotationPresent(WriteRequest.class);
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        JsonNode body;
        try {
            body = mapper.readTree(input.getBody());
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("The request body is not valid JSON.", e, input);
        }
        if (body == null || body.isMissingNode()) {
            throw new InvalidRequestException("body", "a JSON object is required");
        }
        if (!(body instanceof ObjectNode fields)) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        FieldProblem.keepForThisRequest(setAsideUnreadable(type, fields));
        return mapper.treeToValue(fields, type);
    }

    /** Removes every field that cannot be read into {@code type}, and says why. */
    private List<FieldProblem> setAsideUnreadable(Class<?> type, ObjectNode fields) {
        RequestShape shape = shapes.computeIfAbsent(type, this::shapeOf);
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : List.copyOf(fields.propertyNames())) {
            FieldShape field = shape.fields().get(name);
            if (field == null) {
                problems.add(shape.readOnly().contains(name)
                        ? FieldProblem.worded(name, "readOnlyField", "is read-only")
                        : FieldProblem.worded(name, "unknownField", "is not a known field"));
                fields.remove(name);
                continue;
            }
            JsonNode sent = fields.get(name);
            JsonNode value = field.freeText() ? sent : stripped(sent);
            FieldProblem problem = isStorable(value) ? typeProblem(name, field.valueType(), value)
                    : FieldProblem.worded(name, "unstorableText", StorableText.REFUSED);
            if (problem == null) {
                fields.set(name, value);
            } else {
                problems.add(problem);
                fields.remove(name);
            }
        }
        return problems;
    }

    /** What a request record takes, looked up once per type: reflection is too slow to repeat per request. */
    private RequestShape shapeOf(Class<?> type) {
        Map<String, FieldShape> fields = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JavaType declared = mapper.constructType(component.getGenericType());
            // a patch's JSON value is read as the patch's value type
            JavaType valueType = declared.hasRawClass(Patch.class) ? declared.containedType(0) : declared;
            fields.put(component.getName(), new FieldShape(valueType, component.isAnnotationPresent(FreeText.class)));
        }
        return new RequestShape(Map.copyOf(fields), Set.of(type.getAnnotation(WriteRequest.class).readOnly()));
    }

    private record RequestShape(Map<String, FieldShape> fields, Set<String> readOnly) {
    }

    private record FieldShape(JavaType valueType, boolean freeText) {
    }

    private FieldProblem typeProblem(String field, JavaType type, JsonNode value) {
        // true/false and the enums have no "no value": null is as wrong for them as a number
        boolean readable = value.isNull() ? !type.isEnumType() && !type.hasRawClass(Boolean.class) : reads(type, value);
        if (readable) {
            return null;
        }
        if (type.isEnumType()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> enumType = (Class<? extends Enum<?>>) type.getRawClass();
            return FieldProblem.worded(field, "typeMismatch.enum", "must be one of: " + WireEnums.allowed(enumType),
                    WireEnums.allowed(enumType));
        }
        String typeName = type.isCollectionLikeType() ? "list" : type.getRawClass().getName();
        return FieldProblem.worded(field, "typeMismatch." + typeName, "has an invalid value");
    }

    private boolean reads(JavaType type, JsonNode value) {
        boolean plainFit = value.isString() && type.hasRawClass(String.class)
                || value.isBoolean() && type.hasRawClass(Boolean.class);
        if (plainFit) {
            return true; // the common case, without a trial read
        }
        try {
            mapper.treeToValue(value, type);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean isStorable(JsonNode value) {
        if (value.isString()) {
            return StorableText.isStorable(value.stringValue());
        }
        for (JsonNode element : value) {
            if (!isStorable(element)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode stripped(JsonNode value) {
        if (value.isString()) {
            String text = value.stringValue();
            return text.strip().equals(text) ? value : JsonNodeFactory.instance.stringNode(text.strip());
        }
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, stripped(array.get(i)));
            }
        }
        return value;
    }

    @Override
    protected void writeInternal(Object value, HttpOutputMessage output) {
        throw new UnsupportedOperationException("request records are only read");
    }
}
