package dev.switchboard.edge.provider;

/**
 * Tokens one request consumed, in the gateway's canonical (OpenAI) terms.
 *
 * @param inputTokens       all prompt tokens, cached ones included
 * @param cachedInputTokens the part of {@code inputTokens} served from the provider's prompt cache
 * @param outputTokens      all generated tokens, reasoning included (as OpenAI counts them)
 * @param reasoningTokens   the part of {@code outputTokens} spent on hidden reasoning
 * @param estimated         true when counted by the gateway because the provider reported nothing
 */
public record TokenUsage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens,
                         boolean estimated) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, false);
}
