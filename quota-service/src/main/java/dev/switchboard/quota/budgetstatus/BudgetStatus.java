package dev.switchboard.quota.budgetstatus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget's current period as admission sees it.
 *
 * @param used     settled usage this period: input plus output tokens, or the exact cost in {@code currency}
 * @param reserved what requests in flight hold against it (worst cases, until settled or released)
 */
record BudgetStatus(String scope, String kind, String period, String timeZone, Instant periodStart,
                    Instant periodEnd, BigDecimal hardLimit, BigDecimal softThreshold, String currency,
                    BigDecimal used, BigDecimal reserved) {
}
