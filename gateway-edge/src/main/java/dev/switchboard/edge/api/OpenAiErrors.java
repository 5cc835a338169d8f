package dev.switchboard.edge.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Renders failures in the OpenAI error shape: {@code {"error":{"message","type","param","code"}}}. */
public final class OpenAiErrors {

    private final JsonMapper json;

    public OpenAiErrors(JsonMapper json) {
        this.json = json;
    }

    public Mono<ServerResponse> render(GatewayException error, String requestId) {
        ServerResponse.BodyBuilder response = ServerResponse.status(error.status())
                .header(GatewayHeaders.REQUEST_ID, requestId)
                .contentType(MediaType.APPLICATION_JSON);
        if (error.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
        }
        response.headers(error::headers);
        return response.body(BodyInserters.fromValue(body(error)));
    }

    /** The error as the bytes of an SSE data event, for failures after a stream has started. */
    public byte[] sseEvent(GatewayException error) {
        return ("data: " + new String(body(error), StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] body(GatewayException error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", error.getMessage());
        fields.put("type", error.type());
        fields.put("param", error.param());
        fields.put("code", error.code());
        return json.writeValueAsBytes(Map.of("error", fields));
    }
}
