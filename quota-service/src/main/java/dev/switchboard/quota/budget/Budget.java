package dev.switchboard.quota.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget as the admin API shows it: at most one per scope, kind and period.
 *
 * @param kind          {@code tokens} or {@code money}
 * @param period        {@code day}, {@code week} (from Monday) or {@code month}, calendar-aligned in {@code timeZone}
 * @param softThreshold crossing it warns; null for none
 * @param currency      ISO 4217 for money budgets, null for token budgets
 */
public record Budget(String scope, String kind, String period, String timeZone, BigDecimal hardLimit,
              BigDecimal softThreshold, String currency, Instant updatedAt) {
}
