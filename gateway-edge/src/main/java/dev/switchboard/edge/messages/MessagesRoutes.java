package dev.switchboard.edge.messages;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.switchboard.edge.chat.ChatPipeline;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Maps {@code POST /v1/messages} onto the chat pipeline. */
@Configuration(proxyBeanMethods = false)
class MessagesRoutes {

    @Bean
    RouterFunction<ServerResponse> messagesRoute(ChatPipeline pipeline, AnthropicMessagesIngress anthropic) {
        return route(POST("/v1/messages"), request -> pipeline.handle(request, anthropic));
    }
}
