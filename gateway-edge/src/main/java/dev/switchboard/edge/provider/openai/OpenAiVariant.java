package dev.switchboard.edge.provider.openai;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.TranslatedResponse;
import io.netty.handler.codec.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server that answers exactly as OpenAI does but is addressed or fed differently: it composes the OpenAI
 * adapter for everything that comes back, and variants override only how requests go out.
 */
abstract class OpenAiVariant implements ProviderAdapter {

    protected final JsonMapper json;
    protected final OpenAiAdapter openAi;

    OpenAiVariant(JsonMapper json) {
        this.json = json;
        this.openAi = new OpenAiAdapter(json);
    }

    @Override
    public final TranslatedResponse completion(byte[] body, ChatRequest request, RouteCandidate candidate) {
        return openAi.completion(body, request, candidate);
    }

    @Override
    public final ChatStreamTranslator stream(ChatRequest request, RouteCandidate candidate) {
        return openAi.stream(request, candidate);
    }

    @Override
    public final GatewayException error(int status, HttpHeaders headers, byte[] body) {
        return openAi.error(status, headers, body);
    }

    @Override
    public final TranslatedResponse embeddingsResponse(byte[] body, EmbeddingsRequest request,
                                                       RouteCandidate candidate) {
        return openAi.embeddingsResponse(body, request, candidate);
    }
}
