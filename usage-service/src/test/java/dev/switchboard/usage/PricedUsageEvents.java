package dev.switchboard.usage;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Events as the priced edge sends them: canonical (OpenAI-terms) token counts, with the served deployment's price,
 * from which the ledger computes the cost itself.
 */
public final class PricedUsageEvents {

    /** The registry's list prices per 1M tokens of the suite's three seeded models (input, cached input, output). */
    public static final ModelPrice GPT_4O_MINI = price("gpt-4o-mini@2024-07-18", "0.15", "0.075", "0.60", "USD");
    public static final ModelPrice CLAUDE_SONNET = price("claude-sonnet-4-5@20250929", "3", "0.30", "15", "USD");
    public static final ModelPrice GEMINI_FLASH = price("gemini-2.5-flash@001", "0.30", "0.075", "2.50", "USD");

    private PricedUsageEvents() {
    }

    public static ModelPrice price(String version, String input, String cachedInput, String output, String currency) {
        return new ModelPrice(version, new BigDecimal(input), cachedInput == null ? null : new BigDecimal(cachedInput),
                new BigDecimal(output), currency);
    }

    /** Token counts in OpenAI terms: cached a subset of input, reasoning a subset of output. */
    public record Tokens(long input, long cached, long output, long reasoning, boolean estimated) {

        public static Tokens of(long input, long cached, long output, long reasoning) {
            return new Tokens(input, cached, output, reasoning, false);
        }

        public Tokens asEstimated() {
            return new Tokens(input, cached, output, reasoning, true);
        }
    }

    /** A served request of {@code teamId}, billed from {@code price}; the edge's own cost is left out on purpose. */
    public static UsageEvent served(String requestId, String teamId, Instant occurredAt, Map<String, String> tags,
                                    Tokens tokens, ModelPrice price, String cacheOutcome) {
        return new UsageEvent(requestId, occurredAt, teamId, "key-" + teamId, null, tags, "default", "auto",
                "mock-openai", "gpt-4o-mini", "2024-07-18", List.of(), tokens.input(), tokens.cached(),
                tokens.output(), tokens.estimated(), null, price == null ? null : price.priceVersion(), cacheOutcome,
                false, 20L, 80, 200, null, null, "primary", null, tokens.reasoning(), price);
    }

    public static UsageEvent served(String requestId, String teamId, Instant occurredAt, Tokens tokens,
                                    ModelPrice price) {
        return served(requestId, teamId, occurredAt, Map.of(), tokens, price, CacheOutcome.MISS);
    }
}
