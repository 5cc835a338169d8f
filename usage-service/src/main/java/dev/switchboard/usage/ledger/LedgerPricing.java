package dev.switchboard.usage.ledger;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;

/**
 * What the ledger bills a request: its tokens at the price the plan carried (cached input at the cached price), or
 * nothing for a cache hit, which records what it saved instead. Events from edges that sent no price keep the cost
 * they computed, in US dollars as every price then was.
 */
record LedgerPricing(BigDecimal cost, BigDecimal savedCost, String currency, ModelPrice price) {

    static LedgerPricing of(UsageEvent event) {
        ModelPrice price = event.price();
        if (price == null) {
            BigDecimal cost = event.cost();
            return new LedgerPricing(cost, null, cost == null ? null : ModelPrice.DEFAULT_CURRENCY, null);
        }
        String outcome = event.cacheOutcome();
        return new LedgerPricing(
                CacheOutcome.billed(outcome, price, event.inputTokens(), event.cachedInputTokens(), event.outputTokens()),
                CacheOutcome.saved(outcome, price, event.inputTokens(), event.cachedInputTokens(), event.outputTokens()),
                price.currency(), price);
    }
}
