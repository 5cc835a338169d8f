package dev.switchboard.usage.spend;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One aggregation over {@code [from, to)}.
 *
 * @param interval the series bucket width; null for totals only
 * @param team     only this team's requests; null for every team
 */
record SpendQuery(Instant from, Instant to, SpendGrouping groupBy, SpendInterval interval, String team) {

    /**
     * The daily rollups answer exactly when both bounds are UTC midnights and no bucket is narrower than a day;
     * anything finer needs the records.
     */
    boolean answeredByRollups() {
        return interval != SpendInterval.HOUR && isUtcMidnight(from) && isUtcMidnight(to);
    }

    private static boolean isUtcMidnight(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() == 0;
    }
}
