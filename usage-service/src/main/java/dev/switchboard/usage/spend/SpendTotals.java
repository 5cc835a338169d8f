package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sums of a group, overall or in one bucket. Money is per currency and never added across currencies; requests that
 * cost nothing because no priced provider served them count in the other sums but add no currency.
 *
 * @param errors requests whose client saw a status of 400 or more
 */
record SpendTotals(long requests, long errors, long inputTokens, long cachedInputTokens, long outputTokens,
                   long reasoningTokens, List<Money> money) {

    /** Exact cost and cost saved by cache hits in one currency. */
    record Money(String currency, BigDecimal cost, BigDecimal savedCost) {
    }

    /** The money in {@code currency}, if any request of the group was billed in it. */
    Money in(String currency) {
        return money.stream().filter(m -> m.currency().equals(currency)).findFirst().orElse(null);
    }
}
