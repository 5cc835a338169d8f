package dev.switchboard.edge.chat;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.switchboard.edge.api.JsonBodyReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps the chat endpoints. A functional route rather than a gateway route with filters: an edge prototype on this
 * hardware measured it cheaper per request, and the pipeline needs the parsed body anyway.
 */
@Configuration(proxyBeanMethods = false)
class ChatRoutes {

    /** Every public endpoint reads its JSON body through this one reader, with the one size limit. */
    @Bean
    JsonBodyReader jsonBodyReader(JsonMapper json, ChatApiProperties properties) {
        return new JsonBodyReader(json, properties.maxRequestBytes());
    }

    @Bean
    RouterFunction<ServerResponse> chatCompletionsRoute(ChatPipeline pipeline, OpenAiChatIngress openAi) {
        return route(POST("/v1/chat/completions"), request -> pipeline.handle(request, openAi));
    }
}
