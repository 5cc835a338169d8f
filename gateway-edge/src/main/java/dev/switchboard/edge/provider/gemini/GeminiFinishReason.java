package dev.switchboard.edge.provider.gemini;

import java.util.Set;

/** Gemini finish reasons as OpenAI's (reference §5.2). Gemini has no tool-call reason: a call ends with STOP. */
final class GeminiFinishReason {

    static final String CONTENT_FILTER = "content_filter";

    private static final Set<String> FILTERED = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION");

    private GeminiFinishReason() {
    }

    /**
     * @param calledTools whether the candidate holds function calls
     */
    static String toOpenAi(String reason, boolean calledTools) {
        if (reason.equals("MAX_TOKENS")) {
            return "length";
        }
        if (FILTERED.contains(reason)) {
            return CONTENT_FILTER;
        }
        // STOP, and what OpenAI has no word for (OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL...), end the turn normally
        return calledTools ? "tool_calls" : "stop";
    }
}
