package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds up {@link SpendRow}s into the totals and series of a {@link SpendReport}. */
final class SpendSums {

    private long requests;
    private long errors;
    private long inputTokens;
    private long cachedInputTokens;
    private long outputTokens;
    private long reasoningTokens;
    private final Map<String, BigDecimal[]> money = new TreeMap<>();

    private void add(SpendRow row) {
        requests += row.requests();
        errors += row.errors();
        inputTokens += row.inputTokens();
        cachedInputTokens += row.cachedInputTokens();
        outputTokens += row.outputTokens();
        reasoningTokens += row.reasoningTokens();
        if (!row.currency().isEmpty()) {
            BigDecimal[] amounts = money.computeIfAbsent(row.currency(),
                    currency -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            amounts[0] = amounts[0].add(row.cost());
            amounts[1] = amounts[1].add(row.savedCost());
        }
    }

    private SpendTotals totals() {
        List<SpendTotals.Money> amounts = new ArrayList<>();
        money.forEach((currency, sums) -> amounts.add(new SpendTotals.Money(currency, plain(sums[0]), plain(sums[1]))));
        return new SpendTotals(requests, errors, inputTokens, cachedInputTokens, outputTokens, reasoningTokens,
                List.copyOf(amounts));
    }

    /** The same amount however many zeros each path's numeric sum carried: 0.000150 and 0.00015 read alike. */
    static BigDecimal plain(BigDecimal amount) {
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    /** Groups sorted by key (requests without one first), each series oldest bucket first. */
    static List<SpendReport.Group> groups(List<SpendRow> rows) {
        Map<String, SpendSums> totals = new TreeMap<>();
        Map<String, Map<Instant, SpendSums>> series = new TreeMap<>();
        for (SpendRow row : rows) {
            totals.computeIfAbsent(row.group(), group -> new SpendSums()).add(row);
            if (row.bucket() != null) {
                series.computeIfAbsent(row.group(), group -> new TreeMap<>())
                        .computeIfAbsent(row.bucket(), bucket -> new SpendSums()).add(row);
            }
        }
        List<SpendReport.Group> groups = new ArrayList<>();
        totals.forEach((group, sums) -> {
            List<SpendReport.Bucket> buckets = new ArrayList<>();
            series.getOrDefault(group, Map.of()).forEach((start, bucket) ->
                    buckets.add(new SpendReport.Bucket(start, bucket.totals())));
            groups.add(new SpendReport.Group(group.isEmpty() ? null : group, sums.totals(), List.copyOf(buckets)));
        });
        groups.sort(Comparator.comparing(SpendReport.Group::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        return groups;
    }
}
