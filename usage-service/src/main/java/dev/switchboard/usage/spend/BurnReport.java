package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How fast a scope spends in its current period, and where that pace ends: per currency, never added across.
 *
 * @param now      the instant the figures are as of
 * @param requests requests of the scope in [periodStart, now)
 */
record BurnReport(String scope, String period, String timeZone, Instant periodStart, Instant periodEnd, Instant now,
                  long requests, List<Burn> currencies) {

    /**
     * @param spent    exact cost in [periodStart, now)
     * @param perHour  spent divided by the hours elapsed (rounded to {@value BurnRates#SCALE} places, as all below)
     * @param perDay   the same pace per 24 hours
     * @param forecast spent plus the pace over what remains of the period: the period's spend if the pace holds
     */
    record Burn(String currency, BigDecimal spent, BigDecimal perHour, BigDecimal perDay, BigDecimal forecast) {
    }
}
