package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The biggest spenders in one currency, dearest first (ties by key). */
record TopSpenders(String by, Instant from, Instant to, String currency, List<Spender> spenders) {

    /**
     * @param key      the team, key or model; null for requests without one
     * @param requests every request of the group, whatever currency it was billed in
     */
    record Spender(String key, BigDecimal cost, BigDecimal savedCost, long requests) {
    }

    /** The {@code limit} groups that spent most in {@code currency}; groups that spent nothing in it are left out. */
    static TopSpenders rank(String by, Instant from, Instant to, String currency, List<SpendReport.Group> groups,
                            int limit) {
        List<Spender> ranked = groups.stream()
                .filter(group -> group.total().in(currency) != null)
                .map(group -> new Spender(group.key(), group.total().in(currency).cost(),
                        group.total().in(currency).savedCost(), group.total().requests()))
                .sorted(Comparator.comparing(Spender::cost).reversed()
                        .thenComparing(Spender::key, Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(limit)
                .toList();
        return new TopSpenders(by, from, to, currency, ranked);
    }
}
