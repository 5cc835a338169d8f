package dev.switchboard.edge.provider;

/**
 * Tokens one request consumed, in the gateway's canonical terms.
 *
 * @param cachedInputTokens the part of {@code inputTokens} served from the provider's prompt cache
 * @param estimated         true when counted by the gateway because the provider reported nothing
 */
public record TokenUsage(long inputTokens, long cachedInputTokens, long outputTokens, boolean estimated) {
}
