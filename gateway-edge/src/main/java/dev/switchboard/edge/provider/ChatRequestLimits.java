package dev.switchboard.edge.provider;

/**
 * The gateway's own bounds on a chat request, beyond OpenAI's format rules.
 *
 * @param maxN               largest {@code n} accepted
 * @param maxOutputTokens    largest {@code max_tokens} / {@code max_completion_tokens} accepted
 * @param maxMessages        most {@code messages} accepted
 */
public record ChatRequestLimits(int maxN, long maxOutputTokens, int maxMessages) {

    public static final ChatRequestLimits DEFAULTS = new ChatRequestLimits(128, 1_000_000, 10_000);

    public ChatRequestLimits {
        if (maxN < 1 || maxOutputTokens < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("chat request limits must be positive");
        }
    }
}
