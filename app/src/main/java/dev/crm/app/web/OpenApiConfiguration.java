package dev.crm.app.web;

import dev.crm.api.common.Versioned;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Versioned<T> is unwrapped by VersionedResponseAdvice: document the T clients receive.
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(Versioned.class);
    }

    @Bean
    OpenAPI crmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CRM API").version("v1")
                        .description("Event-sourced CRM: contacts, leads, accounts, opportunities, users."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
