package dev.switchboard.contracts.routing;

/**
 * The registry's capability facts of one model, carried on each {@link RouteCandidate} so the edge can check
 * that a request fits the candidate's context window without asking routing-service again.
 *
 * @param contextWindow   input plus output tokens the model accepts
 * @param maxOutputTokens the most output tokens one answer may have
 * @param reasoningTier   {@code none}, {@code low}, {@code medium} or {@code high}
 */
public record ModelCapabilities(long contextWindow, int maxOutputTokens, boolean tools, boolean structuredOutput,
                                boolean vision, String reasoningTier) {

    /** What a candidate built without facts (an older routing-service) is assumed to offer: nothing extra. */
    public static final ModelCapabilities UNKNOWN = new ModelCapabilities(Long.MAX_VALUE, Integer.MAX_VALUE,
            false, false, false, "none");

    public ModelCapabilities {
        reasoningTier = reasoningTier == null ? "none" : reasoningTier;
    }
}
