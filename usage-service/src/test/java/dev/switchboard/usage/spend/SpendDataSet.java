package dev.switchboard.usage.spend;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fixed, varied set of usage events (seeded, so every run records the same ones) and the sums a test expects
 * from them, computed here in plain Java with BigDecimal, independently of the SQL under test.
 */
final class SpendDataSet {

    static final Instant FIRST = Instant.parse("2025-03-27T00:00:00Z");
    static final Instant LAST = Instant.parse("2025-04-07T00:00:00Z");
    static final String TRICKY_TAG = "search, \"beta\"";
    static final String TIE = "2025-04-02T08:15:00.000001Z";
    static final String MULTILINE_TAG = "line one\r\nline two";

    private static final ModelPrice MINI = new ModelPrice("p-mini", new BigDecimal("0.15"), new BigDecimal("0.075"),
            new BigDecimal("0.60"), "USD");
    private static final ModelPrice HAIKU = new ModelPrice("p-haiku", new BigDecimal("0.80"), new BigDecimal("0.08"),
            new BigDecimal("4.00"), "USD");
    private static final ModelPrice LARGE = new ModelPrice("p-large", new BigDecimal("2.0"), new BigDecimal("0.2"),
            new BigDecimal("6.0"), "EUR");
    private static final List<String[]> DEPLOYMENTS = List.of(new String[] {"openai-main", "gpt-4o-mini"},
            new String[] {"anthropic-main", "claude-3-5-haiku"}, new String[] {"mistral-eu", "mistral-large"});
    private static final List<ModelPrice> PRICES = List.of(MINI, HAIKU, LARGE);

    static final List<UsageEvent> EVENTS = generate();

    private SpendDataSet() {
    }

    private static List<UsageEvent> generate() {
        Random random = new Random(7);
        List<UsageEvent> events = new ArrayList<>();
        long span = ChronoUnit.MICROS.between(FIRST, LAST);
        for (int i = 0; i < 160; i++) {
            Instant at = FIRST.plus(Math.floorMod(random.nextLong(), span), ChronoUnit.MICROS);
            events.add(event(random, i, at));
        }
        // bounds and ties: midnights, the last microsecond of a day, either side of the tests' now, and three
        // requests of team-c (indexes 164, 167 and 170) at the very same instant
        for (String at : List.of("2025-03-28T00:00:00Z", "2025-03-31T23:59:59.999999Z", "2025-04-01T00:00:00Z",
                "2025-04-05T00:00:00Z", TIE, "2025-04-03T09:59:59.999999Z", "2025-04-03T10:00:00Z", TIE,
                "2025-04-02T00:00:00Z", "2025-04-03T00:00:00Z", TIE)) {
            events.add(event(random, events.size(), Instant.parse(at)));
        }
        return List.copyOf(events);
    }

    private static UsageEvent event(Random random, int index, Instant at) {
        String team = "team-" + "abc".charAt(index % 3);
        int d = random.nextInt(3);
        boolean failed = random.nextInt(10) == 0;
        String cache = failed ? CacheOutcome.NONE : random.nextInt(8) == 0
                ? (random.nextBoolean() ? CacheOutcome.HIT : CacheOutcome.SEMANTIC_HIT) : CacheOutcome.MISS;
        long input = 1 + random.nextInt(5000);
        long cached = random.nextInt(4) == 0 ? random.nextInt((int) input) : 0;
        long output = failed ? 0 : random.nextInt(3000);
        long reasoning = output > 0 && random.nextBoolean() ? random.nextInt((int) output) : 0;
        Map<String, String> tags = new LinkedHashMap<>();
        switch (random.nextInt(4)) {
            case 0 -> tags.put("app", "chat");
            case 1 -> tags.put("app", TRICKY_TAG);
            case 2 -> tags.put("app", MULTILINE_TAG);
            default -> { }
        }
        if (random.nextBoolean()) {
            tags.put("env", random.nextBoolean() ? "prod" : "dev");
        }
        String key = random.nextInt(6) == 0 ? null : team.replace("team", "key") + "-" + random.nextInt(2);
        return new UsageEvent(String.format("req-%03d", index), at, team, key, random.nextBoolean() ? "alice" : null,
                tags, "default", DEPLOYMENTS.get(d)[1], failed ? null : DEPLOYMENTS.get(d)[0],
                failed ? null : DEPLOYMENTS.get(d)[1], failed ? null : "v1", List.of(), input, cached, output,
                random.nextInt(10) == 0, null, failed ? null : PRICES.get(d).priceVersion(), cache,
                random.nextBoolean(), failed ? null : (long) random.nextInt(900), 100 + random.nextInt(4000),
                failed ? 502 : 200, failed ? "provider_unavailable" : null, null, null, null, reasoning,
                failed ? null : PRICES.get(d));
    }

    static BigDecimal cost(UsageEvent e) {
        return CacheOutcome.billed(e.cacheOutcome(), e.price(), e.inputTokens(), e.cachedInputTokens(),
                e.outputTokens());
    }

    static BigDecimal savedCost(UsageEvent e) {
        return CacheOutcome.saved(e.cacheOutcome(), e.price(), e.inputTokens(), e.cachedInputTokens(),
                e.outputTokens());
    }

    static String currency(UsageEvent e) {
        return e.price() == null ? null : e.price().currency();
    }

    /** The sums of a set of events, in the form both the test's expectation and the API's answer are compared in. */
    record Sums(long requests, long errors, long inputTokens, long cachedInputTokens, long outputTokens,
                long reasoningTokens, Map<String, List<BigDecimal>> money) {

        static Sums of(List<UsageEvent> events) {
            Map<String, List<BigDecimal>> money = new TreeMap<>();
            long errors = 0;
            long input = 0;
            long cached = 0;
            long output = 0;
            long reasoning = 0;
            for (UsageEvent e : events) {
                errors += e.status() >= 400 ? 1 : 0;
                input += e.inputTokens();
                cached += e.cachedInputTokens();
                output += e.outputTokens();
                reasoning += e.reasoningTokens();
                if (currency(e) != null) {
                    List<BigDecimal> sums = money.computeIfAbsent(currency(e),
                            c -> new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO)));
                    sums.set(0, sums.get(0).add(cost(e)));
                    sums.set(1, sums.get(1).add(savedCost(e) == null ? BigDecimal.ZERO : savedCost(e)));
                }
            }
            money.replaceAll((currency, sums) -> List.of(normal(sums.get(0)), normal(sums.get(1))));
            return new Sums(events.size(), errors, input, cached, output, reasoning, money);
        }

        static Sums of(SpendTotals totals) {
            Map<String, List<BigDecimal>> money = new TreeMap<>();
            totals.money().forEach(m -> money.put(m.currency(), List.of(normal(m.cost()), normal(m.savedCost()))));
            return new Sums(totals.requests(), totals.errors(), totals.inputTokens(), totals.cachedInputTokens(),
                    totals.outputTokens(), totals.reasoningTokens(), money);
        }
    }

    static BigDecimal normal(BigDecimal amount) {
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    /** The value an event is grouped under; "" for none, as the API's null key. */
    static Function<UsageEvent, String> groupOf(String groupBy) {
        return switch (groupBy) {
            case "team" -> UsageEvent::teamId;
            case "key" -> e -> e.keyId() == null ? "" : e.keyId();
            case "model" -> e -> e.servedModel() == null ? "" : e.servedModel();
            case "provider" -> e -> e.providerId() == null ? "" : e.providerId();
            default -> e -> e.tags().get(groupBy.substring("tag:".length()));
        };
    }

    static Instant bucketOf(Instant at, String interval) {
        var day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return switch (interval) {
            case "hour" -> at.truncatedTo(ChronoUnit.HOURS);
            case "day" -> day.atStartOfDay().toInstant(ZoneOffset.UTC);
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            case "month" -> day.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> throw new IllegalArgumentException(interval);
        };
    }

    static List<UsageEvent> select(Predicate<UsageEvent> filter) {
        return EVENTS.stream().filter(filter).toList();
    }

    static Predicate<UsageEvent> in(Instant from, Instant to) {
        return e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to);
    }

    /**
     * Expected report: group (""= none) to bucket (null without interval) to sums, for the events in [from, to) of
     * {@code team} (null = all) that have the group's dimension (a tag grouping skips requests without the tag).
     */
    static Map<String, Map<Instant, Sums>> expected(Instant from, Instant to, String groupBy, String interval,
                                                   String team) {
        Function<UsageEvent, String> group = groupOf(groupBy);
        Map<String, Map<Instant, List<UsageEvent>>> events = new TreeMap<>();
        for (UsageEvent e : select(in(from, to))) {
            if ((team != null && !team.equals(e.teamId())) || group.apply(e) == null) {
                continue;
            }
            Instant bucket = interval == null ? Instant.EPOCH : bucketOf(e.occurredAt(), interval);
            events.computeIfAbsent(group.apply(e), g -> new TreeMap<>())
                    .computeIfAbsent(bucket, b -> new ArrayList<>()).add(e);
        }
        Map<String, Map<Instant, Sums>> sums = new TreeMap<>();
        events.forEach((g, buckets) -> {
            Map<Instant, Sums> series = new TreeMap<>();
            buckets.forEach((bucket, list) -> series.put(bucket, Sums.of(list)));
            sums.put(g, series);
        });
        return sums;
    }

    /** The API's answer in the form of {@link #expected}; without an interval the total stands in bucket EPOCH. */
    static Map<String, Map<Instant, Sums>> actual(SpendReport report) {
        Map<String, Map<Instant, Sums>> sums = new TreeMap<>();
        for (SpendReport.Group group : report.groups()) {
            Map<Instant, Sums> series = new TreeMap<>();
            if (report.interval() == null) {
                series.put(Instant.EPOCH, Sums.of(group.total()));
            } else {
                group.series().forEach(bucket -> series.put(bucket.start(), Sums.of(bucket.totals())));
            }
            sums.put(group.key() == null ? "" : group.key(), series);
        }
        return sums;
    }
}
