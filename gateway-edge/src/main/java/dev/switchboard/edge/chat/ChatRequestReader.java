package dev.switchboard.edge.chat;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and validates a chat request body, refusing oversized or malformed ones with a 4xx. */
@Component
class ChatRequestReader {

    private final JsonMapper json;
    private final int maxBytes;

    ChatRequestReader(JsonMapper json, ChatApiProperties properties) {
        this.json = json;
        this.maxBytes = properties.maxRequestBytes();
    }

    Mono<ChatRequest> read(ServerRequest request) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> new GatewayException(413,
                        "invalid_request_error", "request_too_large", null,
                        "Request body is larger than " + maxBytes + " bytes.", 0))
                .map(this::parse)
                .switchIfEmpty(Mono.error(() -> GatewayException.invalidRequest(null,
                        "The request body is empty; send a JSON chat completion request.")));
    }

    private ChatRequest parse(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (JacksonException e) {
            throw GatewayException.invalidRequest(null, "We could not parse the JSON body of your request.");
        }
        if (!(body instanceof ObjectNode object)) {
            throw GatewayException.invalidRequest(null, "The request body must be a JSON object.");
        }
        return ChatRequest.from(object);
    }
}
