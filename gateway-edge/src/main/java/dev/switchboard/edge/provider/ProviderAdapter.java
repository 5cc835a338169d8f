package dev.switchboard.edge.provider;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Speaks one provider's wire format. The gateway's canonical format is OpenAI's: requests arrive as a validated
 * {@link ChatRequest}, answers leave as OpenAI JSON or OpenAI chunk events, and failures as a
 * {@link GatewayException} of one {@link dev.switchboard.edge.api.ErrorKind}. Adapters are stateless and
 * thread-safe; per-stream state lives in the {@link ChatStreamTranslator} they create.
 *
 * <p>A request field the target cannot honour is refused with a 400 naming the field, never silently dropped.
 */
public interface ProviderAdapter {

    /** The registry provider type served, e.g. {@code anthropic}. */
    String providerType();

    /**
     * The upstream call for a chat request, its body rebuilt from the validated request.
     *
     * @param key the provider credential, or null when the provider needs none
     */
    UpstreamRequest chat(ChatRequest request, RouteCandidate candidate, String key);

    /** Translates a successful non-streamed answer into an OpenAI {@code chat.completion}. */
    TranslatedResponse completion(byte[] body, ChatRequest request, RouteCandidate candidate);

    /** A translator for one streamed answer. */
    ChatStreamTranslator stream(ChatRequest request, RouteCandidate candidate);

    /**
     * Classifies a provider error response (status ≥ 400). The message must never contain the provider
     * credential; authentication failures use a fixed message.
     */
    GatewayException error(int status, HttpHeaders headers, byte[] body);

    /** The upstream call for an embeddings request; by default the provider has no embeddings API. */
    default UpstreamRequest embeddings(EmbeddingsRequest request, RouteCandidate candidate, String key) {
        throw GatewayException.invalidRequest("model", "Model '" + request.model() + "' is served by a '"
                + providerType() + "' provider, which has no embeddings API.");
    }

    /**
     * Translates a successful embeddings answer into an OpenAI embeddings {@code list}, in the encoding the
     * client asked for ({@link EmbeddingsRequest#encodingFormat()}).
     */
    default TranslatedResponse embeddingsResponse(byte[] body, EmbeddingsRequest request, RouteCandidate candidate) {
        throw new UnsupportedOperationException(providerType() + " has no embeddings API");
    }
}
