package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The sums of one group in one bucket and one currency, as either read path returns them.
 *
 * @param bucket   the bucket's start; null without an interval
 * @param group    the group's value; '' for requests without one (no key, no model, ...)
 * @param currency ISO 4217, or '' for requests that cost nothing because no priced provider served them
 */
record SpendRow(Instant bucket, String group, String currency, long requests, long errors, long inputTokens,
                long cachedInputTokens, long outputTokens, long reasoningTokens, BigDecimal cost,
                BigDecimal savedCost) {
}
