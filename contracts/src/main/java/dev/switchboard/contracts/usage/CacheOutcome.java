package dev.switchboard.contracts.usage;

import dev.switchboard.contracts.routing.ModelPrice;
import java.math.BigDecimal;

/**
 * How the gateway's response cache took part in a request ({@link UsageEvent#cacheOutcome}), and what that means
 * for the bill: a hit costs nothing and records what the provider would have charged as saved.
 */
public final class CacheOutcome {

    /** The request was not eligible for the cache (caching off, streamed, or not cacheable). */
    public static final String NONE = "none";
    /** Looked up and not found: a provider answered and the answer may be stored. */
    public static final String MISS = "miss";
    /** Answered from the exact cache. */
    public static final String HIT = "hit";
    /** Answered from the semantic cache (a similar enough earlier prompt). */
    public static final String SEMANTIC_HIT = "semantic_hit";

    private CacheOutcome() {
    }

    public static boolean isHit(String outcome) {
        return HIT.equals(outcome) || SEMANTIC_HIT.equals(outcome);
    }

    /** What the request is billed: the tokens at the price, or zero for a cache hit; null without a price. */
    public static BigDecimal billed(String outcome, ModelPrice price, long inputTokens, long cachedInputTokens,
                                    long outputTokens) {
        if (price == null) {
            return null;
        }
        return isHit(outcome) ? BigDecimal.ZERO : price.costOf(inputTokens, cachedInputTokens, outputTokens);
    }

    /** What a cache hit saved: the tokens at the price; null for anything but a hit, or without a price. */
    public static BigDecimal saved(String outcome, ModelPrice price, long inputTokens, long cachedInputTokens,
                                   long outputTokens) {
        if (price == null || !isHit(outcome)) {
            return null;
        }
        return price.costOf(inputTokens, cachedInputTokens, outputTokens);
    }
}
