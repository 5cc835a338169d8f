package dev.switchboard.edge.models;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Maps the model endpoints. */
@Configuration(proxyBeanMethods = false)
class ModelsRoutes {

    @Bean
    RouterFunction<ServerResponse> modelEndpoints(ModelsHandler handler) {
        return route(GET("/v1/models"), handler::list)
                .andRoute(GET("/v1/models/**"), handler::show);
    }
}
