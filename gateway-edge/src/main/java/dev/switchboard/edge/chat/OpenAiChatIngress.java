package dev.switchboard.edge.chat;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.OpenAiErrors;
import dev.switchboard.edge.auth.BearerKeys;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.streaming.StreamTransform;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /v1/chat/completions}: the canonical format itself, so answers pass through untouched. */
@Component
class OpenAiChatIngress implements ChatIngress {

    private final ChatRequestReader reader;
    private final OpenAiErrors errors;

    OpenAiChatIngress(ChatRequestReader reader, OpenAiErrors errors) {
        this.reader = reader;
        this.errors = errors;
    }

    @Override
    public String apiKey(ServerRequest request) {
        return BearerKeys.from(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
    }

    @Override
    public Mono<ChatRequest> read(ServerRequest request) {
        return reader.read(request);
    }

    @Override
    public Mono<ServerResponse> error(GatewayException error, String requestId) {
        return errors.render(error, requestId);
    }

    @Override
    public byte[] streamError(GatewayException error) {
        return errors.sseEvent(error);
    }

    @Override
    public byte[] completion(byte[] openAiCompletion, ChatRequest request, String requestId) {
        return openAiCompletion;
    }

    @Override
    public StreamTransform streamTransform(ChatRequest request, String requestId) {
        return null;
    }
}
