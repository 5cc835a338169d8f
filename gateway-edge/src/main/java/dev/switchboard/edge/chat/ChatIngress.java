package dev.switchboard.edge.chat;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.streaming.StreamTransform;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * One public chat API (OpenAI Chat Completions, Anthropic Messages): how it carries the key, reads a request
 * into the canonical {@link ChatRequest}, and shows answers and failures in its own shape. The pipeline between
 * is the same for both.
 */
public interface ChatIngress {

    /** The gateway key the client sent, or null. */
    String apiKey(ServerRequest request);

    /** The validated request; a bad one fails with a 4xx {@link GatewayException}. */
    Mono<ChatRequest> read(ServerRequest request);

    /** A failure before any answer was sent, in this API's error shape and status. */
    Mono<ServerResponse> error(GatewayException error, String requestId);

    /** A failure after a stream started, as one SSE event this API's clients raise. */
    byte[] streamError(GatewayException error);

    /** A canonical {@code chat.completion} body in this API's shape. */
    byte[] completion(byte[] openAiCompletion, ChatRequest request, String requestId);

    /** Rewrites canonical chunk events into this API's events; null when they are already in its shape. */
    StreamTransform streamTransform(ChatRequest request, String requestId);

    /** Extra response headers this API's clients look for (e.g. Anthropic's {@code request-id}). */
    default void headers(org.springframework.http.HttpHeaders headers, String requestId) {
    }
}
