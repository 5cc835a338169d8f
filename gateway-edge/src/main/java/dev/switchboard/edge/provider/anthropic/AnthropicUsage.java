package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.provider.TokenUsage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic token counts as they arrive, in OpenAI terms on the way out. A stream reports them in pieces
 * ({@code message_start}, then cumulative {@code message_delta}s), so each {@link #merge} overwrites only the
 * counts present. Anthropic's {@code input_tokens} excludes cache reads and writes (wire-formats §5.3, pitfall 9).
 */
final class AnthropicUsage {

    private long input;
    private long cacheCreation;
    private long cacheRead;
    private long output;
    private Long thinking;

    static AnthropicUsage of(JsonNode usage) {
        AnthropicUsage counts = new AnthropicUsage();
        counts.merge(usage);
        return counts;
    }

    void merge(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        input = count(usage, "input_tokens", input);
        cacheCreation = count(usage, "cache_creation_input_tokens", cacheCreation);
        cacheRead = count(usage, "cache_read_input_tokens", cacheRead);
        output = count(usage, "output_tokens", output);
        JsonNode details = usage.path("output_tokens_details").path("thinking_tokens");
        if (details.isIntegralNumber()) {
            thinking = details.longValue();
        }
    }

    long promptTokens() {
        return input + cacheCreation + cacheRead;
    }

    TokenUsage tokenUsage() {
        return new TokenUsage(promptTokens(), cacheRead, output, thinking == null ? 0 : thinking, false);
    }

    /** Writes the OpenAI {@code usage} object into {@code target}. */
    void writeOpenAi(ObjectNode target) {
        fill(target.putObject("usage"));
    }

    /** OpenAI's {@code usage} object for these counts. */
    ObjectNode toOpenAi(JsonMapper json) {
        return fill(json.createObjectNode());
    }

    private ObjectNode fill(ObjectNode usage) {
        usage.put("prompt_tokens", promptTokens());
        usage.put("completion_tokens", output);
        usage.put("total_tokens", promptTokens() + output);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        if (thinking != null) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", thinking);
        }
        return usage;
    }

    private static long count(JsonNode usage, String field, long previous) {
        JsonNode value = usage.path(field);
        return value.isIntegralNumber() ? value.longValue() : previous;
    }
}
