package dev.switchboard.edge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of one (provider, model, team). Each is registered the first time it is needed, so a tuple shows only
 * the series it has values for, and then kept here: recording a request costs array and map reads, no meter lookup
 * and no tag allocation. Registering twice is harmless (the registry answers the same meter), so the lazy slots
 * need no lock.
 */
final class RequestMeters {

    static final String REQUESTS = "switchboard.edge.requests";
    static final String ERRORS = "switchboard.edge.request.errors";
    static final String LATENCY = "switchboard.edge.request.latency";
    static final String TIME_TO_FIRST_TOKEN = "switchboard.edge.time.to.first.token";
    static final String TOKENS = "switchboard.edge.tokens";
    static final String COST = "switchboard.edge.cost";
    static final String CACHE = "switchboard.edge.cache.requests";
    static final String CACHE_SAVED = "switchboard.edge.cache.saved.cost";
    static final String SERVED = "switchboard.edge.served";

    /** Whole requests, queueing and retries included: LLM calls run from tens of milliseconds to minutes. */
    private static final Duration[] LATENCY_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120);
    /** The first streamed byte: what users feel, so finer where it is usually found. */
    private static final Duration[] FIRST_TOKEN_BUCKETS = seconds(0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10);

    static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};
    static final String[] TOKEN_KINDS = {"input", "cached_input", "output", "reasoning"};
    static final int INPUT = 0;
    static final int CACHED_INPUT = 1;
    static final int OUTPUT = 2;
    static final int REASONING = 3;
    static final String[] CACHE_OUTCOMES = {"hit", "semantic_hit", "miss"};
    static final String[] SERVED_BY = {"primary", "retry", "fallback", "hedge"};

    private final MeterRegistry registry;
    private final Tags tags;
    private final AtomicReferenceArray<Counter> requests = new AtomicReferenceArray<>(STATUS_CLASSES.length);
    private final AtomicReferenceArray<Counter> tokens = new AtomicReferenceArray<>(TOKEN_KINDS.length);
    private final AtomicReferenceArray<Counter> cache = new AtomicReferenceArray<>(CACHE_OUTCOMES.length);
    private final AtomicReferenceArray<Counter> served = new AtomicReferenceArray<>(SERVED_BY.length);
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> cost = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> saved = new ConcurrentHashMap<>();
    private final Timer latency;
    private volatile Timer timeToFirstToken;

    RequestMeters(MeterRegistry registry, String provider, String model, String team) {
        this.registry = registry;
        this.tags = Tags.of("provider", provider, "model", model, "team", team);
        this.latency = Timer.builder(LATENCY).description("Time from a request's arrival to its last byte")
                .tags(tags).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    /** {@code statusClass} is the HTTP status divided by 100, from 1 to 5. */
    void request(int statusClass) {
        int slot = statusClass - 1;
        Counter counter = requests.get(slot);
        if (counter == null) {
            counter = Counter.builder(REQUESTS).description("Requests served, by status class")
                    .tags(tags).tag("status", STATUS_CLASSES[slot]).register(registry);
            requests.set(slot, counter);
        }
        counter.increment();
    }

    void error(String type) {
        Counter counter = errors.get(type);
        if (counter == null) {
            counter = errors.computeIfAbsent(type, known -> Counter.builder(ERRORS)
                    .description("Requests that ended in an error, by error type").tags(tags).tag("type", known)
                    .register(registry));
        }
        counter.increment();
    }

    void latency(long millis) {
        latency.record(millis, TimeUnit.MILLISECONDS);
    }

    void timeToFirstToken(long millis) {
        Timer timer = timeToFirstToken;
        if (timer == null) {
            timer = Timer.builder(TIME_TO_FIRST_TOKEN).description("Time from a streamed request's arrival to "
                    + "its first byte").tags(tags).serviceLevelObjectives(FIRST_TOKEN_BUCKETS).register(registry);
            timeToFirstToken = timer;
        }
        timer.record(millis, TimeUnit.MILLISECONDS);
    }

    /** Counts only positive amounts, so a model without cached or reasoning tokens shows no series for them. */
    void tokens(int kind, long count) {
        if (count <= 0) {
            return;
        }
        Counter counter = tokens.get(kind);
        if (counter == null) {
            counter = Counter.builder(TOKENS).description("Tokens billed, by kind; reasoning is part of output")
                    .baseUnit("tokens").tags(tags).tag("kind", TOKEN_KINDS[kind]).register(registry);
            tokens.set(kind, counter);
        }
        counter.increment(count);
    }

    void cost(String currency, double amount) {
        Counter counter = cost.get(currency);
        if (counter == null) {
            counter = cost.computeIfAbsent(currency, known -> Counter.builder(COST)
                    .description("Approximate cost billed (a double sum); the ledger holds the exact amount")
                    .tags(tags).tag("currency", known).register(registry));
        }
        counter.increment(amount);
    }

    void cacheSaved(String currency, double amount) {
        Counter counter = saved.get(currency);
        if (counter == null) {
            counter = saved.computeIfAbsent(currency, known -> Counter.builder(CACHE_SAVED)
                    .description("Approximate cost cache hits saved").tags(tags).tag("currency", known)
                    .register(registry));
        }
        counter.increment(amount);
    }

    /** {@code outcome} indexes {@link #CACHE_OUTCOMES}. */
    void cache(int outcome) {
        Counter counter = cache.get(outcome);
        if (counter == null) {
            counter = Counter.builder(CACHE).description("Requests looked up in the response cache, by outcome")
                    .tags(tags).tag("outcome", CACHE_OUTCOMES[outcome]).register(registry);
            cache.set(outcome, counter);
        }
        counter.increment();
    }

    /** {@code how} indexes {@link #SERVED_BY}. */
    void served(int how) {
        Counter counter = served.get(how);
        if (counter == null) {
            counter = Counter.builder(SERVED).description("Answered requests, by how the answer was reached")
                    .tags(tags).tag("served_by", SERVED_BY[how]).register(registry);
            served.set(how, counter);
        }
        counter.increment();
    }

    private static Duration[] seconds(double... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofMillis(Math.round(bounds[i] * 1000));
        }
        return durations;
    }
}
