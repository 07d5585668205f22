package dev.crm.app.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.crm.api.common.IdType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What only the whole document can do, once every operation is complete: one path per value of a path variable
 * that has a fixed set of them ({@code /api/{resource}/{id}/history} becomes {@code /api/contacts/{id}/history}
 * and its siblings, so that each has its own operation id), the request schemas, the README's examples, and no
 * schema that nothing refers to any more (the query-string records, {@code Patch}).
 */
final class ApiDocument implements GlobalOpenApiCustomizer {

    private static final Pattern SCHEMA_REF = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

    private final RequestSchemas requestSchemas;
    private final ApiExamples examples;

    ApiDocument(RequestSchemas requestSchemas, ApiExamples examples) {
        this.requestSchemas = requestSchemas;
        this.examples = examples;
    }

    @Override
    public void customise(OpenAPI api) {
        api.setPaths(expanded(api.getPaths()));
        api.getPaths().forEach(ApiDocument::describeIds);
        requestSchemas.made().forEach(api.getComponents()::addSchemas);
        examples.addTo(api);
        prune(api);
    }

    /**
     * The paths as the API's reference writes them, with their trailing slash ({@code /api/contacts/}; the
     * server answers both forms), and a path whose variable names a resource ({@code /api/{resource}/{id}/history})
     * once per resource.
     */
    private static Paths expanded(Paths mapped) {
        Paths paths = new Paths();
        mapped.forEach((path, item) -> paths.addPathItem(path.endsWith("/") ? path : path + "/", item));
        Paths expanded = new Paths();
        paths.forEach((path, item) -> {
            Optional<Parameter> choice = item.readOperations().stream()
                    .flatMap(operation -> Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream())
                    .filter(p -> "path".equals(p.getIn()) && p.getSchema() != null && p.getSchema().getEnum() != null)
                    .findFirst();
            if (choice.isEmpty()) {
                expanded.addPathItem(path, item);
                return;
            }
            String name = choice.get().getName();
            for (Object value : choice.get().getSchema().getEnum()) {
                Resource resource = Resource.named(value.toString()).orElseThrow(() -> new IllegalStateException(
                        "{" + name + "} of " + path + " may be " + value + ", which names no resource"));
                PathItem copy = Json.mapper().convertValue(item, PathItem.class);
                for (Operation operation : copy.readOperations()) {
                    operation.getParameters().removeIf(p -> "path".equals(p.getIn()) && name.equals(p.getName()));
                    // contact + history: contactHistory
                    String id = operation.getOperationId();
                    operation.setOperationId(Character.toLowerCase(resource.singular().charAt(0))
                            + resource.singular().substring(1) + Character.toUpperCase(id.charAt(0)) + id.substring(1));
                    operation.setSummary(operation.getSummary() + " of " + resource.one());
                    operation.setTags(List.of(resource.tag()));
                }
                expanded.addPathItem(path.replace("{" + name + "}", value.toString()), copy);
            }
        });
        return expanded;
    }

    /**
     * Says which kind of record a path's ids are: {@code {id}} one of the resource before it, {@code {contactId}}
     * a contact.
     */
    private static void describeIds(String path, PathItem item) {
        List<String> segments = List.of(path.split("/"));
        for (Operation operation : item.readOperations()) {
            for (Parameter parameter : Optional.ofNullable(operation.getParameters()).orElse(List.of())) {
                if (!"path".equals(parameter.getIn()) || parameter.getDescription() != null) {
                    continue;
                }
                String name = parameter.getName();
                int at = segments.indexOf("{" + name + "}");
                Optional<IdType> type = name.equals("id")
                        ? Resource.named(segments.get(at - 1)).map(Resource::ids)
                        : Arrays.stream(IdType.values()).filter(t -> name.equals(t.entityType() + "Id")).findFirst();
                type.ifPresent(t -> parameter.setDescription(Schemas.capitalized(Schemas.idOf(t)) + "."));
            }
        }
    }

    /** Removes the schemas that neither an operation nor a schema it refers to (at any depth) refers to. */
    private static void prune(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        api.getComponents().setSchemas(null);
        Deque<String> todo = new ArrayDeque<>(references(api));
        api.getComponents().setSchemas(schemas);
        Set<String> reachable = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reachable.add(name) && schemas.containsKey(name)) {
                todo.addAll(references(schemas.get(name)));
            }
        }
        schemas.keySet().retainAll(reachable);
    }

    private static List<String> references(Object part) {
        try {
            Matcher refs = SCHEMA_REF.matcher(Json.mapper().writeValueAsString(part));
            return refs.results().map(m -> m.group(1)).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
