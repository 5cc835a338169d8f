package dev.switchboard.edge.provider.anthropic;

/** Maps Anthropic {@code stop_reason} values to OpenAI {@code finish_reason}s (wire-formats §5.2). */
final class FinishReasons {

    private FinishReasons() {
    }

    /**
     * The OpenAI finish reason. {@code pause_turn} only follows server tools, which this adapter never sends, so
     * it reads as a plain stop; an unknown or missing reason also reads as stop rather than failing the answer.
     */
    static String toOpenAi(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** The finish reason when the answer was a forced JSON tool call, which the client sees as plain content. */
    static String toOpenAiJson(String stopReason) {
        String reason = toOpenAi(stopReason);
        return reason.equals("tool_calls") ? "stop" : reason;
    }
}
