package dev.switchboard.edge.embeddings;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Maps {@code POST /v1/embeddings}. */
@Configuration(proxyBeanMethods = false)
class EmbeddingsRoutes {

    @Bean
    RouterFunction<ServerResponse> embeddingsRoute(EmbeddingsHandler handler) {
        return route(POST("/v1/embeddings"), handler::handle);
    }
}
