package dev.switchboard.edge.messages;

import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Pieces of Anthropic's answer shape shared by the whole-message and the stream renderers. */
final class AnthropicWire {

    private AnthropicWire() {
    }

    /**
     * Anthropic's {@code stop_reason} for an OpenAI {@code finish_reason} (reference §5.2). OpenAI's {@code stop}
     * does not tell a stop sequence from a natural end, so it is always {@code end_turn}; an absent or unknown
     * reason is also taken as a natural end, since Anthropic's non-streamed stop_reason is never null.
     */
    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    /**
     * Writes OpenAI {@code usage} into an Anthropic usage object. Anthropic's {@code input_tokens} excludes
     * cache reads, which OpenAI counts inside {@code prompt_tokens}; OpenAI reports no cache writes.
     */
    static ObjectNode usage(JsonNode openAiUsage, ObjectNode target) {
        long prompt = openAiUsage.path("prompt_tokens").asLong(0);
        long cached = Math.min(prompt, openAiUsage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        return target.put("input_tokens", prompt - cached)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", cached)
                .put("output_tokens", openAiUsage.path("completion_tokens").asLong(0));
    }

    /**
     * A message id for an OpenAI completion id (or any other id): {@code chatcmpl-abc} becomes {@code msg_abc}, so
     * the two can be matched in logs; a missing id gets a random one.
     */
    static String messageId(String sourceId) {
        if (sourceId == null || sourceId.isBlank()) {
            return randomId("msg_");
        }
        if (sourceId.startsWith("msg_")) {
            return sourceId;
        }
        return "msg_" + (sourceId.startsWith("chatcmpl-") ? sourceId.substring("chatcmpl-".length()) : sourceId);
    }

    /** A fresh id, for answers whose provider gave none. */
    static String randomId(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return prefix + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
