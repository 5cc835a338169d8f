package dev.switchboard.serviceweb;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.api.AbstractOpenApiResource;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every service's admin API document shares: a title, the bearer scheme every operation needs, and
 * readability by every role (knowing the API's shape is no secret). Active only where springdoc is present.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
class ServiceOpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer";

    @Bean
    OpenApiCustomizer adminApiDocument(@Value("${spring.application.name:switchboard}") String application) {
        return api -> {
            api.info(new Info().title(application + " admin API").version("v1")
                    .description("Every operation takes 'Authorization: Bearer <token>' of a principal; "
                            + "roles: admin changes, viewer reads, finance reads what is marked for it; "
                            + "a gateway key allowed to manage keys calls only the self-service operations."));
            if (api.getComponents() == null) {
                api.components(new Components());
            }
            api.getComponents().addSecuritySchemes(BEARER_SCHEME,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
        };
    }

    @Bean
    ServiceWebAutoConfiguration.ReadableByEveryRole apiDocumentReadableByEveryRole() {
        return method -> AbstractOpenApiResource.class.isAssignableFrom(method.getBeanType());
    }
}
