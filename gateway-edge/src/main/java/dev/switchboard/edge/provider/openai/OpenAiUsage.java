package dev.switchboard.edge.provider.openai;

import dev.switchboard.edge.provider.TokenUsage;
import tools.jackson.databind.JsonNode;

/** Reads an OpenAI {@code usage} object. */
public final class OpenAiUsage {

    private OpenAiUsage() {
    }

    /** The usage in {@code usage}, or null when it is absent or null. */
    public static TokenUsage read(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        return new TokenUsage(usage.path("prompt_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0), false);
    }
}
