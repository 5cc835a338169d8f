package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * One money budget against its period's pace: what was spent, where the pace ends, and when it would reach the hard
 * limit.
 *
 * @param usedPercent         spent as a percentage of the hard limit, to two places
 * @param forecastOverLimit   true when the forecast passes the hard limit: at this pace the budget runs out before
 *                            the period ends, and admission will start refusing
 * @param projectedExhaustion when the pace reaches the hard limit, if within the period; null when it does not, or
 *                            when the limit is already reached ({@code exhausted})
 */
record BudgetBurn(String scope, String period, String timeZone, String currency, BigDecimal hardLimit,
                  BigDecimal softThreshold, Instant periodStart, Instant periodEnd, Instant now, BigDecimal spent,
                  BigDecimal perDay, BigDecimal forecast, BigDecimal usedPercent, boolean exhausted,
                  boolean forecastOverLimit, Instant projectedExhaustion) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static BudgetBurn of(QuotaBudgets.QuotaBudget budget, BurnReport report, BurnReport.Burn burn) {
        BigDecimal limit = budget.hardLimit();
        boolean exhausted = burn.spent().compareTo(limit) >= 0;
        Instant exhaustion = null;
        long elapsedMillis = Duration.between(report.periodStart(), report.now()).toMillis();
        if (!exhausted && burn.spent().signum() > 0 && elapsedMillis > 0) {
            // the pace is spent / elapsed; the rest of the limit lasts (limit - spent) / pace
            long millisLeft = limit.subtract(burn.spent()).multiply(BigDecimal.valueOf(elapsedMillis))
                    .divide(burn.spent(), 0, RoundingMode.CEILING).longValueExact();
            Instant at = report.now().plusMillis(millisLeft);
            exhaustion = at.isBefore(report.periodEnd()) ? at : null;
        }
        BigDecimal used = limit.signum() == 0 ? HUNDRED
                : SpendSums.plain(burn.spent().multiply(HUNDRED).divide(limit, 2, RoundingMode.HALF_EVEN));
        return new BudgetBurn(budget.scope(), budget.period(), report.timeZone(), burn.currency(), limit,
                budget.softThreshold(), report.periodStart(), report.periodEnd(), report.now(), burn.spent(),
                burn.perDay(), burn.forecast(), used, exhausted, burn.forecast().compareTo(limit) > 0, exhaustion);
    }
}
