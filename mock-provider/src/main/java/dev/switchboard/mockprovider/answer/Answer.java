package dev.switchboard.mockprovider.answer;

import java.util.List;

/**
 * The answer the mock will send, already split into one-token pieces so a stream sends one token per chunk.
 *
 * @param pieces       answer text (or tool-call arguments JSON) as one-token strings
 * @param toolName     called tool, or null for a text answer
 * @param headerTokens tokens of the tool name, billed with the first tool-call chunk; 0 for text
 * @param truncated    true when the output cap cut the answer (finish reason length / max_tokens / MAX_TOKENS)
 */
public record Answer(List<String> pieces, String toolName, int headerTokens, boolean truncated) {

    public Answer {
        pieces = List.copyOf(pieces);
    }

    public boolean isToolCall() {
        return toolName != null;
    }

    /** The whole text (or arguments JSON). */
    public String text() {
        return String.join("", pieces);
    }

    /** Completion tokens of the whole answer. */
    public int tokens() {
        return headerTokens + pieces.size();
    }
}
