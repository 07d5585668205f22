package dev.crm.app.openapi;

import dev.crm.api.common.Versioned;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): springdoc reads the
 * controllers, {@link ApiOperations} and {@link ApiDocument} complete it from the conventions they follow.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String DESCRIPTION = """
            An event-sourced CRM: contacts, leads, accounts, opportunities, tasks, notes and users; every change \
            is an event, so every record has a history.

            Every call needs `Authorization: Bearer <token>`. Errors are `application/problem+json` (RFC 9457); a \
            400 lists every invalid field in `errors`. Paths may end with `/` or not. A single record carries an \
            `ETag`; send it back as `If-Match` on PATCH and DELETE to refuse lost updates (412). Every POST takes \
            an `Idempotency-Key` that makes a retry safe. Send an `X-Request-Id` (1 to 100 of `A-Za-z0-9._:-`) to \
            find a request again: it is echoed and recorded on every event the request causes; without one the \
            server makes one up. Lists answer `{"count", "next", "previous", "results"}` a page at a time.""";

    static {
        // Versioned<T> is unwrapped by VersionedResponseAdvice: document the T clients receive.
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(Versioned.class);
        // An enum is one schema (ContactStage), shared by the records, their filters and their requests.
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    OpenAPI crmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CRM API").version("v1").description(DESCRIPTION))
                .components(ApiComponents.components())
                .addSecurityItem(new SecurityRequirement().addList(ApiComponents.BEARER))
                .tags(List.of(
                        tag(Resource.Tags.CONTACTS, "People you sell to, their erasure and their history."),
                        tag(Resource.Tags.LEADS, "Prospects, and their conversion into a contact, an account and an "
                                + "opportunity in one step."),
                        tag(Resource.Tags.ACCOUNTS, "Companies; contacts and opportunities belong to one."),
                        tag(Resource.Tags.OPPORTUNITIES, "Deals in the pipeline."),
                        tag(Resource.Tags.TASKS, "To-dos, optionally about a contact."),
                        tag(Resource.Tags.NOTES, "A contact's timeline of notes."),
                        tag(Resource.Tags.USERS, "Users and their API tokens (admins manage users; anyone their own "
                                + "tokens)."),
                        tag(Resource.Tags.AUDIT, "The audit log, the event export and the tamper-evident chain "
                                + "(admins and auditors)."),
                        tag(Resource.Tags.REPORTS, "Reports folded from the events."),
                        tag(Resource.Tags.ADMIN, "The read models' projections and their rebuilds (admins).")));
    }

    @Bean
    RequestSchemas requestSchemas() {
        return new RequestSchemas();
    }

    @Bean
    ApiOperations apiOperations(RequestSchemas requestSchemas) {
        return new ApiOperations(requestSchemas);
    }

    @Bean
    ApiDocument apiDocument(RequestSchemas requestSchemas) {
        return new ApiDocument(requestSchemas, ApiExamples.load());
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
