package dev.switchboard.edge.provider.gemini;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.provider.UpstreamRequest;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves OpenAI-format chat and embeddings requests from Google's Gemini API (generativelanguage v1beta), with the
 * key in {@code x-goog-api-key}. See the provider wire-format reference, §3 and §5.
 */
public class GeminiAdapter implements ProviderAdapter {

    private final JsonMapper json;
    private final GeminiRequestTranslator requests;
    private final GeminiResponseTranslator responses;
    private final GeminiErrorMapper errors;
    private final GeminiEmbeddings embeddings;

    public GeminiAdapter(JsonMapper json) {
        this.json = json;
        this.requests = new GeminiRequestTranslator(json);
        this.responses = new GeminiResponseTranslator(json);
        this.errors = new GeminiErrorMapper(json);
        this.embeddings = new GeminiEmbeddings(json);
    }

    @Override
    public String providerType() {
        return "gemini";
    }

    @Override
    public UpstreamRequest chat(ChatRequest request, RouteCandidate candidate, String key) {
        String url = request.stream() ? GeminiUrls.streamGenerateContent(candidate)
                : GeminiUrls.generateContent(candidate);
        byte[] body = json.writeValueAsBytes(requests.translate(request));
        return new UpstreamRequest(url, headers(key, request.stream() ? "text/event-stream" : "application/json"),
                body);
    }

    @Override
    public TranslatedResponse completion(byte[] body, ChatRequest request, RouteCandidate candidate) {
        return responses.translate(body, candidate);
    }

    @Override
    public ChatStreamTranslator stream(ChatRequest request, RouteCandidate candidate) {
        return new GeminiStreamTranslator(json, request, candidate, errors);
    }

    @Override
    public GatewayException error(int status, HttpHeaders headers, byte[] body) {
        return errors.map(status, headers, body);
    }

    @Override
    public UpstreamRequest embeddings(EmbeddingsRequest request, RouteCandidate candidate, String key) {
        byte[] body = embeddings.request(request, candidate);
        return new UpstreamRequest(GeminiUrls.batchEmbedContents(candidate), headers(key, "application/json"), body);
    }

    @Override
    public TranslatedResponse embeddingsResponse(byte[] body, EmbeddingsRequest request, RouteCandidate candidate) {
        return embeddings.response(body, request, candidate);
    }

    private static Map<String, String> headers(String key, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", accept);
        if (key != null) {
            headers.put("x-goog-api-key", key);
        }
        return headers;
    }
}
