package dev.switchboard.edge.chat;

import dev.switchboard.edge.api.JsonBodyReader;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatRequestLimits;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Reads a chat completion request: one strict JSON object, then every field validated against the limits. */
@Component
class ChatRequestReader {

    private final JsonBodyReader reader;
    private final ChatRequestLimits limits;

    ChatRequestReader(JsonBodyReader reader, ChatApiProperties properties) {
        this.reader = reader;
        this.limits = properties.limits();
    }

    Mono<ChatRequest> read(ServerRequest request) {
        return reader.read(request).map(body -> ChatRequest.from(body, limits));
    }
}
