package dev.switchboard.edge.chat;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Maps the chat endpoints. A functional route rather than a gateway route with filters: an edge prototype on this
 * hardware measured it cheaper per request, and the pipeline needs the parsed body anyway.
 */
@Configuration(proxyBeanMethods = false)
class ChatRoutes {

    @Bean
    RouterFunction<ServerResponse> chatCompletionsRoute(ChatPipeline pipeline, OpenAiChatIngress openAi) {
        return route(POST("/v1/chat/completions"), request -> pipeline.handle(request, openAi));
    }
}
