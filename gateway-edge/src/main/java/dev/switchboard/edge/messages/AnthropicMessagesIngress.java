package dev.switchboard.edge.messages;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.api.JsonBodyReader;
import dev.switchboard.edge.auth.BearerKeys;
import dev.switchboard.edge.chat.ChatIngress;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.streaming.StreamTransform;
import io.netty.buffer.ByteBuf;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/messages}: Anthropic's Messages API in front of every provider. The key comes as
 * {@code x-api-key} or {@code Authorization: Bearer} (the official SDKs use either); any {@code anthropic-version}
 * is accepted. Requests become canonical ones, and canonical answers, events and errors are rendered back in
 * Anthropic's shapes.
 */
@Component
class AnthropicMessagesIngress implements ChatIngress {

    private static final String API_KEY = "x-api-key";
    private static final String ANTHROPIC_REQUEST_ID = "request-id";

    private final JsonMapper json;
    private final JsonBodyReader reader;
    private final AnthropicRequestTranslator requests;
    private final AnthropicResponseRenderer responses;
    private final AnthropicErrors errors;

    AnthropicMessagesIngress(JsonMapper json, JsonBodyReader reader) {
        this.json = json;
        this.reader = reader;
        this.requests = new AnthropicRequestTranslator(json);
        this.responses = new AnthropicResponseRenderer(json);
        this.errors = new AnthropicErrors(json);
    }

    @Override
    public String apiKey(ServerRequest request) {
        String key = request.headers().firstHeader(API_KEY);
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        return BearerKeys.from(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
    }

    @Override
    public Mono<ChatRequest> read(ServerRequest request) {
        return reader.read(request).map(requests::translate);
    }

    @Override
    public Mono<ServerResponse> error(GatewayException error, String requestId) {
        ServerResponse.BodyBuilder response = ServerResponse.status(errors.status(error))
                .header(GatewayHeaders.REQUEST_ID, requestId)
                .header(ANTHROPIC_REQUEST_ID, requestId)
                .contentType(MediaType.APPLICATION_JSON);
        if (error.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
        }
        response.headers(error::headers);
        return response.body(BodyInserters.fromValue(errors.body(error, requestId)));
    }

    @Override
    public byte[] streamError(GatewayException error) {
        return errors.sseEvent(error);
    }

    @Override
    public byte[] completion(byte[] openAiCompletion, ChatRequest request, String requestId) {
        return responses.render(openAiCompletion, request.model());
    }

    @Override
    public StreamTransform streamTransform(ChatRequest request, String requestId) {
        return new Finishing(new AnthropicStreamRenderer(json, AnthropicResponseRenderer.messageId(requestId),
                request.model()));
    }

    @Override
    public void headers(HttpHeaders headers, String requestId) {
        headers.set(ANTHROPIC_REQUEST_ID, requestId);
    }

    /**
     * A stream whose canonical events stopped before a finish (a provider that closed cleanly mid-answer) gets an
     * error event, so an Anthropic client raises instead of taking a truncated message for a whole one.
     */
    private final class Finishing implements StreamTransform {

        private final AnthropicStreamRenderer renderer;

        private Finishing(AnthropicStreamRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public void event(ByteBuf event, ByteBuf out) {
            renderer.event(event, out);
        }

        @Override
        public void end(ByteBuf out) {
            renderer.end(out);
            if (!renderer.ended()) {
                out.writeBytes(errors.sseEvent(new GatewayException(502, "api_error", "provider_stream_error", null,
                        "The provider's stream ended before the message was complete.", 0)));
            }
        }
    }
}
