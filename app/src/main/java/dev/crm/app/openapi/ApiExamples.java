package dev.crm.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The examples of the README's "Use the API", kept in {@code openapi/examples.json} by operation id: a request
 * body ({@code body}) and query parameters ({@code parameters}). Read with swagger's own (Jackson 2) mapper, so
 * that they are written into the document as the JSON they are. An operation id there that the document lacks is
 * an error: the examples follow the API, not the other way round.
 */
final class ApiExamples {

    private static final String FILE = "openapi/examples.json";

    private final JsonNode examples;

    private ApiExamples(JsonNode examples) {
        this.examples = examples;
    }

    static ApiExamples load() {
        try (InputStream in = ApiExamples.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing");
            }
            return new ApiExamples(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void addTo(OpenAPI api) {
        Map<String, Operation> operations = new HashMap<>();
        api.getPaths().values().forEach(path -> path.readOperations()
                .forEach(operation -> operations.put(operation.getOperationId(), operation)));
        examples.properties().forEach(example -> {
            Operation operation = operations.get(example.getKey());
            if (operation == null) {
                throw new IllegalStateException(FILE + " has examples of " + example.getKey()
                        + ", which is no operation");
            }
            JsonNode body = example.getValue().get("body");
            if (body != null) {
                operation.getRequestBody().getContent().values().forEach(media -> media.setExample(body));
            }
            JsonNode parameters = example.getValue().get("parameters");
            if (parameters != null) {
                parameters.properties().forEach(value -> parameter(operation, value.getKey())
                        .setExample(value.getValue().isTextual() ? value.getValue().asText() : value.getValue()));
            }
        });
    }

    private static Parameter parameter(Operation operation, String name) {
        return Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream()
                .filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException(FILE + " has an example of the parameter " + name
                        + " of " + operation.getOperationId() + ", which it does not take"));
    }
}
