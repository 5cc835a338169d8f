package dev.switchboard.edge.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Beans of the public API layer. */
@Configuration(proxyBeanMethods = false)
class OpenAiApiConfiguration {

    @Bean
    OpenAiErrors openAiErrors(JsonMapper json) {
        return new OpenAiErrors(json);
    }
}
