package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.provider.TokenUsage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini {@code usageMetadata} in OpenAI terms (reference §5.3): tool-use prompt tokens count as prompt, and thoughts,
 * which Gemini keeps outside {@code candidatesTokenCount}, count as completion, as OpenAI counts reasoning.
 */
final class GeminiUsage {

    private GeminiUsage() {
    }

    /** The usage in {@code usageMetadata}, or null when there is none. */
    static TokenUsage read(JsonNode usageMetadata) {
        if (usageMetadata == null || !usageMetadata.isObject()) {
            return null;
        }
        long prompt = usageMetadata.path("promptTokenCount").asLong(0)
                + usageMetadata.path("toolUsePromptTokenCount").asLong(0);
        long thoughts = usageMetadata.path("thoughtsTokenCount").asLong(0);
        long completion = usageMetadata.path("candidatesTokenCount").asLong(0) + thoughts;
        return new TokenUsage(prompt, usageMetadata.path("cachedContentTokenCount").asLong(0), completion, thoughts,
                false);
    }

    static ObjectNode toOpenAi(JsonMapper json, TokenUsage usage) {
        ObjectNode node = json.createObjectNode();
        node.put("prompt_tokens", usage.inputTokens());
        node.put("completion_tokens", usage.outputTokens());
        node.put("total_tokens", usage.inputTokens() + usage.outputTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedInputTokens());
        node.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        return node;
    }
}
