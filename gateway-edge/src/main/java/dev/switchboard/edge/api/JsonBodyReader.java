package dev.switchboard.edge.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body as one JSON object without blocking: refuses bodies over the limit (413) before parsing,
 * and malformed JSON, duplicate keys, trailing content or non-object bodies (400).
 */
public final class JsonBodyReader {

    private final JsonMapper strict;
    private final int maxBytes;

    public JsonBodyReader(JsonMapper json, int maxBytes) {
        // a private strict copy: the application's shared mapper keeps its own settings
        this.strict = json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.maxBytes = maxBytes;
    }

    public Mono<ObjectNode> read(ServerRequest request) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> new GatewayException(413,
                        "invalid_request_error", "request_too_large", null,
                        "Request body is larger than " + maxBytes + " bytes.", 0))
                .map(this::parse)
                .switchIfEmpty(Mono.error(() -> GatewayException.invalidRequest(null,
                        "The request body is empty; send a JSON object.")));
    }

    private ObjectNode parse(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        JsonNode body;
        try {
            body = strict.readTree(bytes);
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")
                    ? " " + e.getOriginalMessage() : "";
            throw GatewayException.invalidRequest(null, "We could not parse the JSON body of your request." + detail);
        }
        if (!(body instanceof ObjectNode object)) {
            throw GatewayException.invalidRequest(null, "The request body must be a JSON object.");
        }
        return object;
    }
}
