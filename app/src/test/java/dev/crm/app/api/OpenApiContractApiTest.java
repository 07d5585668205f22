package dev.crm.app.api;

import ch.qos.logback.classic.Level;
import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.TempFiles;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as a client sees it: fetched from the running application, valid for a real OpenAPI parser,
 * complete (every route the application serves, nothing else), named and typed for client generators, and good
 * enough that a Java client generated from it (openapi-generator, {@code native} library) compiles and creates a
 * contact.
 */
class OpenApiContractApiTest extends ApiTest {

    /** Where the document and the generated client are left for a look after the build. */
    private static final Path OUTPUT = Path.of("target", "openapi");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Test
    void isValidOpenApiWithoutASingleMessage() {
        SwaggerParseResult result = parse(document());

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes().get("bearer").getScheme())
                .isEqualTo("bearer");
        assertThat(result.getOpenAPI().getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement).containsKey("bearer"));
        assertThat(parse(api.get("/v3/api-docs.yaml").expect(200).body()).getMessages()).isEmpty();
    }

    @Test
    void documentsEveryRouteTheApplicationServesAndNoOther() {
        OpenAPI document = parse(document()).getOpenAPI();
        List<Route> routes = routes();
        List<String> documented = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> documented.add(method + " " + path)));

        for (Route route : routes) {
            assertThat(documented).as("what documents %s", route)
                    .anyMatch(operation -> route.serves(operation.split(" ")[0], operation.split(" ")[1]));
        }
        for (String operation : documented) {
            assertThat(routes).as("the route of %s", operation)
                    .anyMatch(route -> route.serves(operation.split(" ")[0], operation.split(" ")[1]));
        }
        assertThat(document.getPaths()).doesNotContainKey("/error");
    }

    @Test
    void namesEveryOperationForClientGenerators() {
        OpenAPI document = parse(document()).getOpenAPI();
        Set<String> tags = document.getTags().stream().map(tag -> tag.getName()).collect(Collectors.toSet());
        List<String> ids = new ArrayList<>();
        operations(document).forEach((name, operation) -> {
            ids.add(operation.getOperationId());
            assertThat(operation.getOperationId()).as(name).matches("[a-z][a-zA-Z]+");
            assertThat(operation.getTags()).as(name).singleElement().isIn(tags);
            assertThat(operation.getSummary()).as(name).isNotBlank();
            assertThat(operation.getResponses()).as(name).containsKeys("401", "429", "503");
        });
        assertThat(ids).doesNotHaveDuplicates().contains("createContact", "listContacts", "getContact",
                "updateContact", "deleteContact", "eraseContact", "contactHistory", "convertLead", "createLead",
                "listAccounts", "listOpportunities", "listTasks", "listNotes", "createNote", "createUser",
                "issueToken", "revokeToken", "currentUser", "listAuditLog", "exportEvents", "chainHead",
                "verifyChain", "stageDurations", "leadFunnel", "listProjections", "rebuildProjection");
        assertThat(operation(document, "createContact").getTags()).containsExactly("Contacts");
        assertThat(operation(document, "convertLead").getTags()).containsExactly("Leads");
    }

    @Test
    void documentsTheRealAnswersWithTheirHeaders() {
        OpenAPI document = parse(document()).getOpenAPI();

        ApiResponse created = operation(document, "createContact").getResponses().get("201");
        assertThat(created.getContent().get("application/json").getSchema().get$ref()).endsWith("/ContactView");
        assertThat(created.getHeaders()).containsKeys("ETag", "Location", "X-Request-Id");
        assertThat(operation(document, "createContact").getResponses())
                .containsKeys("400", "401", "403", "409", "413", "415", "422").doesNotContainKey("200");
        assertThat(operation(document, "getContact").getResponses().get("200").getHeaders()).containsKey("ETag");
        assertThat(operation(document, "getContact").getResponses()).containsKey("404").doesNotContainKey("403");
        assertThat(operation(document, "updateContact").getResponses()).containsKeys("200", "404", "409", "412");
        assertThat(operation(document, "deleteContact").getResponses()).containsKeys("204", "412")
                .doesNotContainKey("200");
        assertThat(operation(document, "rebuildProjection").getResponses()).containsKey("202");
        assertThat(operation(document, "listAuditLog").getResponses().get("200").getContent())
                .containsKeys("application/json", "text/csv");
        assertThat(operation(document, "exportEvents").getResponses().get("200").getContent())
                .containsKey("application/x-ndjson");
        assertThat(operation(document, "listContacts").getResponses()).containsKey("200").doesNotContainKey("403");
        assertThat(operation(document, "listAuditLog").getResponses()).containsKey("403");

        ApiResponse invalid = document.getComponents().getResponses().get("BadRequest");
        assertThat(invalid.getContent()).containsOnlyKeys("application/problem+json");
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "errors");

        assertThat(parameterNames(operation(document, "updateContact"))).contains("If-Match");
        assertThat(parameterNames(operation(document, "deleteContact"))).contains("If-Match");
        assertThat(parameterNames(operation(document, "createContact"))).contains("Idempotency-Key");
        assertThat(parameterNames(operation(document, "convertLead"))).contains("Idempotency-Key");
    }

    @Test
    void documentsListParametersWithTheirTypesEnumsAndDefaults() {
        OpenAPI document = parse(document()).getOpenAPI();
        for (String list : List.of("listContacts", "listLeads", "listAccounts", "listOpportunities", "listTasks",
                "listUsers", "listNotes", "listAuditLog", "contactHistory")) {
            Map<String, Parameter> parameters = parameters(operation(document, list));
            assertThat(parameters).as(list).containsKeys("page", "limit", "ordering");
            assertThat(parameters.get("page").getSchema().getDefault()).as(list).isEqualTo(1);
            assertThat(parameters.get("page").getSchema().getMinimum()).as(list).isEqualByComparingTo("1");
            assertThat(parameters.get("limit").getSchema().getDefault()).as(list).isEqualTo(20);
            assertThat(parameters.get("ordering").getSchema().getEnum()).as(list).isNotEmpty();
            assertThat(parameters.values()).as(list).allSatisfy(p -> assertThat(p.getIn()).isIn("query", "path"));
        }
        Map<String, Parameter> contacts = parameters(operation(document, "listContacts"));
        assertThat(contacts).containsKeys("stage", "assignedTo", "search", "createdAfter", "createdBefore", "tags");
        assertThat(contacts.get("stage").getSchema().get$ref()).endsWith("/ContactStage");
        assertThat(document.getComponents().getSchemas().get("ContactStage").getEnum())
                .contains("new", "engaged", "proposal_sent");
        assertThat(contacts.get("createdAfter").getSchema().getFormat()).isEqualTo("date-time");
        assertThat(contacts.get("assignedTo").getSchema().getPattern()).startsWith("^(usr_");
        assertThat(contacts.get("ordering").getSchema().getDefault()).isEqualTo("-createdAt");
        assertThat(contacts.get("ordering").getSchema().getEnum()).contains("lastName", "-updatedAt");
        assertThat(contacts.get("stage").getExample()).isEqualTo("engaged");
        assertThat(parameters(operation(document, "listAuditLog")).get("ordering").getSchema().getDefault())
                .isEqualTo("-occurredAt");
        assertThat(parameters(operation(document, "contactHistory")).get("ordering").getSchema().getDefault())
                .isEqualTo("occurredAt");
        assertThat(parameters(operation(document, "exportEvents")).get("limit").getSchema().getDefault())
                .isEqualTo(1000);
        assertThat(parameters(operation(document, "getContact"))).containsKeys("id", "asOf");
        Parameter entityType = parameters(operation(document, "stageDurations")).get("entityType");
        assertThat(entityType.getRequired()).isTrue();
        assertThat(entityType.getSchema().getEnum()).containsExactly("contact", "lead", "opportunity");
        assertThat(entityType.getSchema().getDefault()).isNull();
    }

    @Test
    void documentsRequestBodiesWithTheirConstraintsAndTheReadmesExamples() {
        OpenAPI document = parse(document()).getOpenAPI();
        Schema<?> create = requestSchema(document, "createContact");
        assertThat(create.getRequired()).containsExactly("email");
        assertThat(create.getAdditionalProperties()).isEqualTo(false);
        assertThat(create.getProperties().get("firstName").getMaxLength()).isEqualTo(100);
        assertThat(create.getProperties().get("email").getPattern()).isNotBlank();
        assertThat(create.getProperties().get("stage").get$ref()).endsWith("/ContactStage");
        assertThat(create.getProperties().get("tags").getItems().getMaxLength()).isEqualTo(50);
        assertThat(create.getProperties().get("accountId").getPattern()).startsWith("^(acc_");

        Schema<?> patch = requestSchema(document, "updateContact");
        assertThat(patch.getRequired()).isNullOrEmpty();
        assertThat(patch.getProperties().get("phone").getNullable()).isTrue();
        assertThat(patch.getProperties().get("email").getNullable()).isNull(); // may change, not be cleared

        Schema<?> opportunity = requestSchema(document, "createOpportunity");
        assertThat(opportunity.getProperties().get("value").getMinimum()).isEqualByComparingTo("0");
        assertThat(opportunity.getProperties().get("closeDate").getFormat()).isEqualTo("date");
        assertThat(requestSchema(document, "createLead").getProperties().get("leadScore").getMaximum())
                .isEqualByComparingTo("100");
        assertThat(requestSchema(document, "createUser").getProperties()).doesNotContainKey("active");
        assertThat(requestSchema(document, "updateUser").getProperties()).containsKey("active");

        Object example = operation(document, "createContact").getRequestBody().getContent().get("application/json")
                .getExample();
        assertThat(example.toString()).contains("Sarah", "sarah@example.com");
        // the README's example is a request the API takes
        String body = api.as(ADMIN_TOKEN).post("/api/contacts/", example.toString()).expect(201).body();
        assertThat(body).contains("Engineering Manager");
    }

    @Test
    void aGeneratedJavaClientCompilesAndCreatesAContact() throws Exception {
        String document = document();
        TempFiles.deleteRecursively(OUTPUT);
        Path spec = Files.createDirectories(OUTPUT).resolve("openapi.json");
        Files.writeString(spec, document);

        Path generated = OUTPUT.resolve("client");
        // a line per file written is more than anyone reads
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.openapitools")).setLevel(Level.WARN);
        new DefaultGenerator().opts(new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native") // java.net.http: nothing but Jackson besides the JDK
                .setInputSpec(spec.toString())
                .setOutputDir(generated.toString())
                .setInvokerPackage("crm.client")
                .setApiPackage("crm.client.api")
                .setModelPackage("crm.client.model")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false")
                .toClientOptInput()).generate();

        String email = Api.unique("grace") + "@example.com";
        Path caller = generated.resolve("src/main/java/crm/client/check/CreateContact.java");
        Files.createDirectories(caller.getParent());
        Files.writeString(caller, """
                package crm.client.check;

                import crm.client.ApiClient;
                import crm.client.ApiException;
                import crm.client.api.ContactsApi;
                import crm.client.model.ContactRequest;
                import crm.client.model.ContactStage;
                import crm.client.model.ContactView;

                import java.util.List;
                import java.util.UUID;
                import java.util.function.BiFunction;

                /** Creates a contact through the generated client: (base URI, token) -> the new contact's id. */
                public class CreateContact implements BiFunction<String, String, String> {
                    @Override
                    public String apply(String baseUri, String token) {
                        ApiClient client = new ApiClient();
                        client.updateBaseUri(baseUri);
                        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
                        ContactRequest contact = new ContactRequest().firstName("Grace").lastName("Hopper")
                                .email("%s").stage(ContactStage.ENGAGED).tags(List.of("compilers", "navy"));
                        try {
                            ContactView created = new ContactsApi(client).createContact(contact,
                                    UUID.randomUUID().toString());
                            return created.getId();
                        } catch (ApiException e) {
                            throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
                        }
                    }
                }
                """.formatted(email));

        Path classes = compile(generated.resolve("src/main/java"), OUTPUT.resolve("classes"));
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            BiFunction<String, String, String> createContact = (BiFunction<String, String, String>)
                    loader.loadClass("crm.client.check.CreateContact").getDeclaredConstructor().newInstance();
            String id = createContact.apply(api.baseUrl(), ADMIN_TOKEN);

            JsonNode contact = admin.get("/api/contacts/" + id + "/").expect(200).json();
            assertThat(contact.get("email").stringValue()).isEqualTo(email);
            assertThat(contact.get("lastName").stringValue()).isEqualTo("Hopper");
            assertThat(contact.get("stage").stringValue()).isEqualTo("engaged");
            assertThat(contact.get("tags").toString()).isEqualTo("[\"compilers\",\"navy\"]");
        }
    }

    /** Compiles every source below {@code sources} against the test's class path; answers where the classes are. */
    private static Path compile(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
             Stream<Path> walk = Files.walk(sources)) {
            List<Path> java = walk.filter(p -> p.toString().endsWith(".java")).toList();
            boolean compiled = javac.getTask(null, files, diagnostics, List.of("-classpath",
                            System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none", "-nowarn"),
                    null, files.getJavaFileObjectsFromPaths(java)).call();
            assertThat(compiled).as("the generated client compiles: %s", diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).map(Object::toString).toList())
                    .isTrue();
        }
        return classes;
    }

    private String document() {
        return api.get("/v3/api-docs").expect(200).body();
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getOpenAPI()).as("parsed: %s", result.getMessages()).isNotNull();
        return result;
    }

    /** Every operation by {@code METHOD path}. */
    private static Map<String, Operation> operations(OpenAPI document) {
        Map<String, Operation> operations = new java.util.LinkedHashMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    private static Operation operation(OpenAPI document, String id) {
        return operations(document).values().stream().filter(o -> id.equals(o.getOperationId())).findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + id));
    }

    /** An operation's parameters by name, references resolved. */
    private static Map<String, Parameter> parameters(Operation operation) {
        return operation.getParameters().stream().collect(Collectors.toMap(Parameter::getName, p -> p));
    }

    private static List<String> parameterNames(Operation operation) {
        return operation.getParameters().stream().map(Parameter::getName).toList();
    }

    private static Schema<?> requestSchema(OpenAPI document, String id) {
        String ref = operation(document, id).getRequestBody().getContent().get("application/json").getSchema()
                .get$ref();
        return document.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The routes of the application's own controllers, as Spring MVC maps them. */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.crm")
                    && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Hidden.class)) {
                routes.add(new Route(info, handler));
            }
        });
        assertThat(routes).hasSizeGreaterThan(40);
        return routes;
    }

    private record Route(RequestMappingInfo info, HandlerMethod handler) {

        /** Whether this route answers {@code method} on {@code path}, a documented path with its variables. */
        boolean serves(String method, String path) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.valueOf(method))) {
                return false;
            }
            // Routes are mapped without the trailing slash the document writes (a filter strips it).
            PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^}]+}", "x1").replaceAll("(.)/$", "$1"));
            return info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(concrete));
        }

        @Override
        public String toString() {
            return info + " (" + handler.getShortLogMessage() + ")";
        }
    }
}
