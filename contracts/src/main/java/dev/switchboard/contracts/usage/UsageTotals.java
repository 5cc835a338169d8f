package dev.switchboard.contracts.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the ledger holds for one scope over {@code [from, to)}: what quota-service rebuilds its budget counters
 * from after Redis lost them. Tokens are input plus output; cost is the exact sum of the rows' costs.
 *
 * @param scope {@code global}, {@code team:<id>} or {@code key:<id>}
 */
public record UsageTotals(String scope, Instant from, Instant to, long requests, long inputTokens,
                          long outputTokens, BigDecimal cost) {
}
