package dev.switchboard.edge.provider.openai;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.UpstreamRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local or self-hosted OpenAI-compatible server (Ollama's {@code /v1}, vLLM, others): OpenAI's adapter with the
 * server's {@link LocalServerDialect} applied to the request. What the server cannot honour is refused with a 400
 * naming the field, rather than sent and silently ignored.
 */
public final class OpenAiCompatibleAdapter extends OpenAiVariant {

    private final LocalServerDialect dialect;

    private OpenAiCompatibleAdapter(JsonMapper json, LocalServerDialect dialect) {
        super(json);
        this.dialect = dialect;
    }

    public static OpenAiCompatibleAdapter generic(JsonMapper json) {
        return new OpenAiCompatibleAdapter(json, LocalServerDialect.GENERIC);
    }

    public static OpenAiCompatibleAdapter ollama(JsonMapper json) {
        return new OpenAiCompatibleAdapter(json, LocalServerDialect.OLLAMA);
    }

    public static OpenAiCompatibleAdapter vllm(JsonMapper json) {
        return new OpenAiCompatibleAdapter(json, LocalServerDialect.VLLM);
    }

    @Override
    public String providerType() {
        return dialect.providerType();
    }

    @Override
    public UpstreamRequest chat(ChatRequest request, RouteCandidate candidate, String key) {
        ObjectNode body = openAi.chatBodyCopy(request, candidate);
        refuseUnsupported(body, candidate);
        if (dialect.onlyMaxTokens() && body.has("max_completion_tokens")) {
            body.set("max_tokens", body.remove("max_completion_tokens"));
        }
        if (dialect.mapDeveloperRole()) {
            for (JsonNode message : body.path("messages")) {
                if ("developer".equals(message.path("role").asString(null))) {
                    ((ObjectNode) message).put("role", "system");
                }
            }
        }
        return openAi.chat(request, candidate, key, body);
    }

    private void refuseUnsupported(ObjectNode body, RouteCandidate candidate) {
        JsonNode toolChoice = body.path("tool_choice");
        if (!dialect.supportsToolChoice() && !toolChoice.isMissingNode() && !toolChoice.isNull()
                && !"auto".equals(toolChoice.asString(null))) {
            throw unsupported("tool_choice", candidate);
        }
        if (!dialect.supportsN() && body.path("n").asInt(1) > 1) {
            throw unsupported("n", candidate);
        }
        if (!dialect.supportsLogitBias() && body.path("logit_bias").isObject() && !body.path("logit_bias").isEmpty()) {
            throw unsupported("logit_bias", candidate);
        }
        if (!dialect.supportsImageUrls()) {
            for (JsonNode message : body.path("messages")) {
                for (JsonNode part : message.path("content")) {
                    String url = part.path("image_url").path("url").asString("");
                    if ("image_url".equals(part.path("type").asString(null)) && !url.startsWith("data:")) {
                        throw GatewayException.invalidRequest("messages", "Provider '" + candidate.providerId()
                                + "' accepts images only as base64 data: URLs, not links.");
                    }
                }
            }
        }
    }

    private static GatewayException unsupported(String field, RouteCandidate candidate) {
        return GatewayException.invalidRequest(field, "'" + field + "' is not supported by provider '"
                + candidate.providerId() + "' (" + candidate.providerType() + ").");
    }

    @Override
    public UpstreamRequest embeddings(EmbeddingsRequest request, RouteCandidate candidate, String key) {
        if (!dialect.supportsTokenEmbedding() && request.texts() == null) {
            throw GatewayException.invalidRequest("input", "Provider '" + candidate.providerId()
                    + "' embeds text only, not token arrays.");
        }
        return openAi.embeddings(request, candidate, key);
    }
}
