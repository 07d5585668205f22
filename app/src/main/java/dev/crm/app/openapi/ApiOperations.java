package dev.crm.app.openapi;

import dev.crm.api.common.Versioned;
import dev.crm.query.web.QueryStringRecords;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

/**
 * Completes each operation from the conventions the controllers follow, so that they need no annotations: its
 * tag and operation id from its route ({@code POST /api/contacts} is {@code createContact}; a handler whose
 * name is already two words, such as {@code issueToken}, is its own id), its query parameters from the records
 * bound from the query string, its request body from the request record, and its answers: 201 for a
 * {@code POST} that answers a {@link ResponseEntity} with a body, 204 for one without, {@code ETag} on a
 * {@link Versioned} record, and the problems the route can run into.
 */
final class ApiOperations implements GlobalOperationCustomizer {

    private final RequestSchemas requestSchemas;

    ApiOperations(RequestSchemas requestSchemas) {
        this.requestSchemas = requestSchemas;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Route route = Route.of(handler);
        route.resource().ifPresent(resource -> operation.setTags(List.of(resource.tag())));
        name(operation, handler, route);
        queryParameters(operation, handler);
        headers(operation, route);
        requestBody(operation, handler);
        responses(operation, handler, route);
        return operation;
    }

    private static void name(Operation operation, HandlerMethod handler, Route route) {
        String method = handler.getMethod().getName();
        Optional<Resource> resource = route.resource();
        if (!method.equals(method.toLowerCase(Locale.ROOT)) || resource.isEmpty()) {
            operation.setOperationId(method);
            operation.setSummary(Schemas.capitalized(Resource.words(method)));
            return;
        }
        String verb = route.isCollection() ? switch (route.method()) {
            case GET -> "list";
            case POST -> "create";
            default -> method;
        } : route.isItem() ? switch (route.method()) {
            case GET -> "get";
            case PATCH -> "update";
            case DELETE -> "delete";
            default -> method;
        } : route.last(); // an action on an item: convert, erase, rebuild
        boolean list = verb.equals("list");
        operation.setOperationId(verb + (list ? resource.get().plural() : resource.get().singular()));
        operation.setSummary(Schemas.capitalized(verb) + " " + (list ? resource.get().many() : resource.get().one()));
    }

    /** Each record read from the query string stands for its components, one query parameter each. */
    private static void queryParameters(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (!QueryStringRecords.binds(parameter)) {
                continue;
            }
            Class<?> record = parameter.getParameterType();
            List<Parameter> parameters = parameters(operation);
            // springdoc documents the record as one parameter of its own schema
            parameters.removeIf(p -> p.getSchema() != null && p.getSchema().get$ref() != null
                    && p.getSchema().get$ref().endsWith("/" + record.getSimpleName()));
            for (Parameter component : QueryParameters.of(record)) {
                if (parameters.stream().noneMatch(p -> p.getName().equals(component.getName()))) {
                    parameters.add(component);
                }
            }
            operation.setParameters(parameters);
        }
    }

    private static void headers(Operation operation, Route route) {
        List<Parameter> parameters = parameters(operation);
        for (int i = 0; i < parameters.size(); i++) {
            if ("header".equals(parameters.get(i).getIn()) && "If-Match".equals(parameters.get(i).getName())) {
                parameters.set(i, new Parameter().$ref(ApiComponents.IF_MATCH));
            }
        }
        if (route.method() == RequestMethod.POST
                && parameters.stream().noneMatch(p -> ApiComponents.IDEMPOTENCY_KEY.equals(p.get$ref()))) {
            parameters.add(new Parameter().$ref(ApiComponents.IDEMPOTENCY_KEY));
        }
        operation.setParameters(parameters.isEmpty() ? null : parameters);
    }

    private void requestBody(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
            if (body == null) {
                continue;
            }
            Class<?> type = parameter.getParameterType();
            if (type.getRecordComponents().length == 0) {
                operation.setRequestBody(null); // a body that may hold nothing need not be sent
                continue;
            }
            Validated validated = parameter.getParameterAnnotation(Validated.class);
            Class<?> group = validated == null || validated.value().length == 0 ? null : validated.value()[0];
            String schema = requestSchemas.schemaFor(type, group);
            operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody().required(body.required())
                    .content(json(new Schema<>().$ref("#/components/schemas/" + schema))));
        }
    }

    private static void responses(Operation operation, HandlerMethod handler, Route route) {
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod(), handler.getBeanType());
        boolean entity = returned.toClass() == ResponseEntity.class;
        ResolvableType body = entity ? returned.getGeneric(0) : returned;
        String status;
        ApiResponse success;
        if (entity && body.toClass() == Void.class) {
            status = "204";
            success = new ApiResponse().description("Done; there is nothing to answer.");
        } else {
            Map.Entry<String, ApiResponse> documented = Optional.ofNullable(operation.getResponses()).stream()
                    .flatMap(r -> r.entrySet().stream()).filter(e -> e.getKey().startsWith("2")).findFirst()
                    .orElse(Map.entry("200", new ApiResponse().description("OK")));
            boolean created = route.method() == RequestMethod.POST && entity;
            status = created ? "201" : documented.getKey();
            success = documented.getValue();
            if (created) {
                success.setDescription("Created");
            }
            success.setContent(content(success.getContent(), handler));
        }
        if (body.toClass() == Versioned.class) {
            success.addHeaderObject("ETag", new Header().$ref(ApiComponents.ETAG));
        }
        if (status.equals("201") && route.isCollection()) {
            success.addHeaderObject("Location", new Header().$ref(ApiComponents.LOCATION));
        }
        success.addHeaderObject(ApiComponents.REQUEST_ID, new Header().$ref(ApiComponents.REQUEST_ID_HEADER));

        ApiResponses responses = new ApiResponses().addApiResponse(status, success);
        for (ApiComponents.Problem problem : ApiComponents.Problem.values()) {
            if (problem.appliesTo(route, operation)) {
                responses.addApiResponse(problem.status(), new ApiResponse().$ref(problem.ref()));
            }
        }
        operation.setResponses(responses);
    }

    /**
     * JSON where springdoc could not tell ({@code *}{@code /*}); a handler that writes its answer itself (a CSV or
     * NDJSON download) answers text of the types it produces.
     */
    private static Content content(Content documented, HandlerMethod handler) {
        Content content = new Content();
        if (documented != null) {
            documented.forEach((type, media) -> content.addMediaType(type.equals("*/*") ? APPLICATION_JSON_VALUE : type,
                    media));
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (handler.isVoid() && mapping != null) {
            for (String type : mapping.produces()) {
                content.addMediaType(type, new MediaType().schema(new StringSchema()));
            }
        }
        return content.isEmpty() ? null : content;
    }

    private static List<Parameter> parameters(Operation operation) {
        return new ArrayList<>(Optional.ofNullable(operation.getParameters()).orElse(List.of()));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType(APPLICATION_JSON_VALUE, new MediaType().schema(schema));
    }

}
