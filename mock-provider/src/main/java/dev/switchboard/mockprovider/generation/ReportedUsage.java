package dev.switchboard.mockprovider.generation;

import dev.switchboard.mockprovider.fault.Fault;

/**
 * The token counts a response reports, before each vendor spells them its own way.
 *
 * @param promptTokens    every prompt token, cached ones included
 * @param cachedTokens    the part of {@code promptTokens} reported as read from the prompt cache
 * @param reasoningTokens hidden reasoning tokens, reported on top of the answer's own tokens
 * @param omitted         true when the response carries no usage at all ({@code omit-usage})
 */
public record ReportedUsage(int promptTokens, int cachedTokens, int reasoningTokens, boolean omitted) {

    static ReportedUsage of(int promptTokens, Fault fault) {
        return new ReportedUsage(promptTokens, fault.cachedTokensOf(promptTokens), fault.reasoning(),
                fault.omitsUsage());
    }

    /** Prompt tokens not read from the cache (what Anthropic calls {@code input_tokens}). */
    public int uncachedPromptTokens() {
        return promptTokens - cachedTokens;
    }
}
