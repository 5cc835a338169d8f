package dev.switchboard.routing.model;

/**
 * What a model can do, as routing needs to know it: how many tokens fit its context window, and whether
 * it takes tools, honours {@code response_format} (JSON mode or a JSON schema), reads images, and how
 * much it reasons.
 *
 * @param reasoningTier one of {@code none}, {@code low}, {@code medium}, {@code high}
 * @param kind          {@code chat} or {@code embedding}: which requests it serves
 */
record Capabilities(int contextWindow, boolean supportsTools, boolean supportsStructuredOutput,
                    boolean supportsVision, String reasoningTier, String kind) {
}
