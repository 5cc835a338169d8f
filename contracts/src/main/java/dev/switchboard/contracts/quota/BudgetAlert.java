package dev.switchboard.contracts.quota;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Published once per budget and period on {@link QuotaTopics#BUDGET_ALERTS_V1} when an admission takes the
 * budget past its soft threshold, for alerting. Keyed by {@code scope}.
 *
 * @param alertId     unique per budget and period ({@code scope/kind/period/periodStart}); consumers dedupe on it
 * @param scope       {@code global}, {@code team:<id>} or {@code key:<id>}
 * @param kind        {@code tokens} or {@code money}
 * @param period      {@code day}, {@code week} or {@code month}
 * @param periodStart the period's first instant, in the budget's time zone's calendar
 * @param used        committed and reserved usage including the request that crossed the threshold
 * @param currency    ISO 4217 for money budgets, null for tokens
 * @param requestId   the request whose admission crossed the threshold
 */
public record BudgetAlert(String alertId, Instant occurredAt, String scope, String kind, String period,
                          Instant periodStart, BigDecimal softThreshold, BigDecimal hardLimit, BigDecimal used,
                          String currency, String requestId, String keyId, String teamId) {
}
