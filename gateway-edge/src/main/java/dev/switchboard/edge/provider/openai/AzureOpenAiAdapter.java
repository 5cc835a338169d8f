package dev.switchboard.edge.provider.openai;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.UpstreamRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Azure OpenAI: OpenAI's wire format behind per-deployment URLs
 * ({@code {resource}/openai/deployments/{deployment}/chat/completions?api-version=...}) and an {@code api-key}
 * header. The registry's provider model id is the deployment name.
 */
public final class AzureOpenAiAdapter extends OpenAiVariant {

    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String apiVersion;

    public AzureOpenAiAdapter(JsonMapper json, String apiVersion) {
        super(json);
        this.apiVersion = URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
    }

    @Override
    public String providerType() {
        return "azure-openai";
    }

    @Override
    public UpstreamRequest chat(ChatRequest request, RouteCandidate candidate, String key) {
        return new UpstreamRequest(url(candidate, "chat/completions"),
                headers(key, request.stream() ? "text/event-stream" : "application/json"),
                json.writeValueAsBytes(openAi.chatBody(request, candidate)));
    }

    @Override
    public UpstreamRequest embeddings(EmbeddingsRequest request, RouteCandidate candidate, String key) {
        return new UpstreamRequest(url(candidate, "embeddings"), headers(key, "application/json"),
                json.writeValueAsBytes(openAi.embeddingsBody(request, candidate)));
    }

    private String url(RouteCandidate candidate, String operation) {
        String deployment = candidate.upstreamModel();
        if (!DEPLOYMENT_NAME.matcher(deployment).matches()) {
            throw new GatewayException(502, "api_error", "provider_misconfigured", null, "Provider '"
                    + candidate.providerId() + "' has a deployment name that cannot be used in a URL.", 0);
        }
        return candidate.baseUrl() + "/openai/deployments/" + deployment + "/" + operation
                + "?api-version=" + apiVersion;
    }

    private Map<String, String> headers(String key, String accept) {
        Map<String, String> headers = openAi.headers(null, accept);
        if (key != null) {
            headers.put("api-key", key);
        }
        return headers;
    }
}
