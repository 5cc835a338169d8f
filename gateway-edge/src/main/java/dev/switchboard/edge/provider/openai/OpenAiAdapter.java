package dev.switchboard.edge.provider.openai;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.provider.UpstreamRequest;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI itself. The canonical format is OpenAI's, so requests are only re-addressed (the provider's model name,
 * a request for stream usage) and answers pass through as they came. The OpenAI-compatible variants compose this
 * adapter and change only what their servers do differently.
 */
public class OpenAiAdapter implements ProviderAdapter {

    private final JsonMapper json;
    private final OpenAiRequestWriter writer;
    private final OpenAiErrorMapper errors;

    public OpenAiAdapter(JsonMapper json) {
        this.json = json;
        this.writer = new OpenAiRequestWriter(json);
        this.errors = new OpenAiErrorMapper(json);
    }

    @Override
    public String providerType() {
        return "openai";
    }

    @Override
    public UpstreamRequest chat(ChatRequest request, RouteCandidate candidate, String key) {
        return chat(request, candidate, key, chatBody(request, candidate));
    }

    /** The call for an already written body; variants rewrite the body first. */
    UpstreamRequest chat(ChatRequest request, RouteCandidate candidate, String key, ObjectNode body) {
        // routing-service stores base URLs without a trailing slash
        return new UpstreamRequest(candidate.baseUrl() + "/chat/completions",
                headers(key, request.stream() ? "text/event-stream" : "application/json"),
                json.writeValueAsBytes(body));
    }

    /** The upstream body before serialisation, the validated request adjusted in place. */
    ObjectNode chatBody(ChatRequest request, RouteCandidate candidate) {
        return writer.body(request.body(), candidate.upstreamModel(), request.stream());
    }

    /** The upstream body on a copy of the validated request, for variants that rewrite more of it. */
    ObjectNode chatBodyCopy(ChatRequest request, RouteCandidate candidate) {
        return writer.body(request.body().deepCopy(), candidate.upstreamModel(), request.stream());
    }

    /** Request headers with the credential as OpenAI expects it; variants that authenticate differently override. */
    Map<String, String> headers(String key, String accept) {
        Map<String, String> headers = new HashMap<>(4);
        headers.put("content-type", "application/json");
        headers.put("accept", accept);
        if (key != null) {
            headers.put("authorization", "Bearer " + key);
        }
        return headers;
    }

    @Override
    public TranslatedResponse completion(byte[] body, ChatRequest request, RouteCandidate candidate) {
        return new TranslatedResponse(body, OpenAiUsage.readFromCompletion(json, body));
    }

    @Override
    public ChatStreamTranslator stream(ChatRequest request, RouteCandidate candidate) {
        return new OpenAiStreamTranslator(json, request.streamUsageWanted());
    }

    @Override
    public GatewayException error(int status, HttpHeaders headers, byte[] body) {
        return errors.error(status, headers, body);
    }

    @Override
    public UpstreamRequest embeddings(EmbeddingsRequest request, RouteCandidate candidate, String key) {
        return new UpstreamRequest(candidate.baseUrl() + "/embeddings", headers(key, "application/json"),
                json.writeValueAsBytes(embeddingsBody(request, candidate)));
    }

    /** Only the documented fields, rebuilt: nothing else the client sent reaches the provider. */
    ObjectNode embeddingsBody(EmbeddingsRequest request, RouteCandidate candidate) {
        ObjectNode body = json.createObjectNode();
        body.put("model", candidate.upstreamModel());
        body.set("input", request.body().get("input"));
        body.put("encoding_format", request.encodingFormat());
        if (request.dimensions() != null) {
            body.put("dimensions", request.dimensions());
        }
        if (request.user() != null) {
            body.put("user", request.user());
        }
        return body;
    }

    @Override
    public TranslatedResponse embeddingsResponse(byte[] body, EmbeddingsRequest request, RouteCandidate candidate) {
        return new TranslatedResponse(body, OpenAiUsage.readFromCompletion(json, body));
    }
}
