package dev.switchboard.usage.spend;

import java.time.Instant;
import java.util.List;

/**
 * Spend over {@code [from, to)} per group, with a time series when an interval was asked for.
 *
 * @param interval null when only totals were asked for
 * @param source   {@code rollups} or {@code records}: what the sums were read from (the same numbers either way)
 */
record SpendReport(Instant from, Instant to, String groupBy, String interval, String team, String source,
                   List<Group> groups) {

    /**
     * @param key    the team, key, model, provider or tag value; null for requests without one (no key, ...)
     * @param series one entry per bucket that saw requests, oldest first; empty without an interval
     */
    record Group(String key, SpendTotals total, List<Bucket> series) {
    }

    /** @param start the bucket's first instant (UTC midnight for days, Monday for weeks, the 1st for months) */
    record Bucket(Instant start, SpendTotals totals) {
    }
}
