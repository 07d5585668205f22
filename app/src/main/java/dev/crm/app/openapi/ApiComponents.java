package dev.crm.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.web.bind.annotation.RequestMethod;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

/**
 * What the operations refer to: the bearer scheme, the headers of optimistic locking, idempotency and request
 * ids, and the problem answers ({@code application/problem+json}, RFC 9457) with the routes each applies to.
 */
final class ApiComponents {

    static final String BEARER = "bearer";
    static final String IF_MATCH = "#/components/parameters/If-Match";
    static final String IDEMPOTENCY_KEY = "#/components/parameters/Idempotency-Key";
    static final String ETAG = "#/components/headers/ETag";
    static final String LOCATION = "#/components/headers/Location";
    static final String REQUEST_ID = "X-Request-Id";
    static final String REQUEST_ID_HEADER = "#/components/headers/X-Request-Id";
    private static final String RETRY_AFTER_HEADER = "#/components/headers/Retry-After";
    private static final String PROBLEM = "Problem";
    private static final String FIELD_ERROR = "FieldError";

    private ApiComponents() {
    }

    /** The problems an operation can answer, and which routes can run into each. */
    enum Problem {
        BAD_REQUEST("400", "BadRequest", "The request is malformed or invalid; errors lists every invalid field.",
                (route, operation) -> true),
        UNAUTHORIZED("401", "Unauthorized", "No valid bearer token was sent.", (route, operation) -> true),
        FORBIDDEN("403", "Forbidden", "The token's role does not allow this (auditors only read; users, erasure and "
                + "projections are for admins; the audit trail for admins and auditors).",
                (route, operation) -> route.method() != RequestMethod.GET || route.isRestricted()),
        NOT_FOUND("404", "NotFound", "There is no such record (an id of another type's shape included).",
                (route, operation) -> route.hasPathVariables()),
        CONFLICT("409", "Conflict", "The record's state does not allow this, or a concurrent write to it won; "
                + "nothing was changed.", (route, operation) -> route.method() != RequestMethod.GET),
        PRECONDITION_FAILED("412", "PreconditionFailed", "If-Match names another version than the record has.",
                (route, operation) -> operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> IF_MATCH.equals(p.get$ref()))),
        CONTENT_TOO_LARGE("413", "ContentTooLarge", "The request body is larger than 1 MB.",
                (route, operation) -> route.method() == RequestMethod.POST || route.method() == RequestMethod.PATCH),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The request body is not application/json.",
                (route, operation) -> operation.getRequestBody() != null),
        UNPROCESSABLE_CONTENT("422", "UnprocessableContent",
                "The Idempotency-Key was already used for a different request.",
                (route, operation) -> route.method() == RequestMethod.POST),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "The token's rate limit is spent for now; see Retry-After.",
                (route, operation) -> true),
        SERVICE_UNAVAILABLE("503", "ServiceUnavailable", "The database is unreachable for the moment; retry after "
                + "Retry-After (a POST with the same Idempotency-Key runs at most once).", (route, operation) -> true);

        private final String status;
        private final String component;
        private final String description;
        private final BiPredicate<Route, Operation> applies;

        Problem(String status, String component, String description, BiPredicate<Route, Operation> applies) {
            this.status = status;
            this.component = component;
            this.description = description;
            this.applies = applies;
        }

        String status() {
            return status;
        }

        String ref() {
            return "#/components/responses/" + component;
        }

        boolean appliesTo(Route route, Operation operation) {
            return applies.test(route, operation);
        }

        private ApiResponse response() {
            ApiResponse response = new ApiResponse().description(description)
                    .content(new Content().addMediaType(APPLICATION_PROBLEM_JSON_VALUE, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example())))
                    .addHeaderObject(REQUEST_ID, new Header().$ref(REQUEST_ID_HEADER));
            if (this == TOO_MANY_REQUESTS || this == SERVICE_UNAVAILABLE) {
                response.addHeaderObject("Retry-After", new Header().$ref(RETRY_AFTER_HEADER));
            }
            return response;
        }

        private Map<String, Object> example() {
            String title = component.replaceAll("([a-z])([A-Z])", "$1 $2");
            String type = "https://crm.dev/problems/" + title.toLowerCase().replace(' ', '-');
            if (this == BAD_REQUEST) {
                return Map.of("type", type, "title", title, "status", 400, "detail",
                        "The request has an invalid field.", "errors",
                        List.of(Map.of("field", "email", "message", "must be a valid email address")));
            }
            return Map.of("type", type, "title", title, "status", Integer.parseInt(status), "detail", description);
        }
    }

    static Components components() {
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token of a user (admin, member or auditor): "
                                + "Authorization: Bearer <token>."))
                .addSchemas(FIELD_ERROR, fieldError())
                .addSchemas(PROBLEM, problem())
                .addParameters("If-Match", new Parameter().in("header").name("If-Match").required(false)
                        .description("The ETag of the version the write expects (\"3\"), or *; another version "
                                + "answers 412. A weak tag (W/\"3\") never matches.")
                        .schema(new StringSchema().pattern("^(\\*|(W/)?\"[\\x21\\x23-\\x7E]*\")$"))
                        .example("\"1\""))
                .addParameters("Idempotency-Key", new Parameter().in("header").name("Idempotency-Key")
                        .required(false)
                        .description("Makes a retry safe: a repeat with the same key and body within 24 hours answers "
                                + "the first answer again and runs nothing; the same key with another body is 422.")
                        .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"))
                        .example("9f0c6c1e-create-sarah"))
                .addHeaders("ETag", new Header().description("The record's version, to send back as If-Match.")
                        .schema(new StringSchema().example("\"1\"")))
                .addHeaders("Location", new Header().description("The new record's URL.")
                        .schema(new StringSchema().format("uri")))
                .addHeaders(REQUEST_ID, new Header().description("The request's id: the client's X-Request-Id "
                        + "when it sent a sane one ([A-Za-z0-9._:-]{1,100}), else a new one. Every event the request "
                        + "causes records it.").schema(new StringSchema().example("req_3f1c2a9e")))
                .addHeaders("Retry-After", new Header().description("Seconds to wait before trying again.")
                        .schema(new IntegerSchema()));
        for (Problem problem : Problem.values()) {
            components.addResponses(problem.component, problem.response());
        }
        return components;
    }

    private static Schema<?> fieldError() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("The field or parameter, such as email."));
        fieldError.addProperty("message", new StringSchema().description("What is wrong with it."));
        return fieldError;
    }

    private static Schema<?> problem() {
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("An RFC 9457 problem; details are written for the client.");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("errors", new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                .description("Every invalid field of a 400 at once."));
        return problem;
    }
}
