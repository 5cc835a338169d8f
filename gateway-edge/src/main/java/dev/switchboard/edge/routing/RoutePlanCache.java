package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Route plans per team and model: fresh for the plan TTL, then kept as the last known plan. While routing-service
 * is unreachable (or fails with 5xx) that plan stands in until it reaches the stale max age, so an outage of
 * routing-service does not become an outage of the edge. One load at most is in flight per key.
 */
class RoutePlanCache {

    /** While a key is failing, routing-service is tried again for it at most this often. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    /** What health reports while stale plans are being served. */
    record Degradation(Instant since, String lastError, int stalePlans) {
    }

    /** What the registry poll last found, for health: null error while routing-service answers. */
    record Reachability(boolean reachable, String lastError) {
    }

    private record Slot(RoutePlan plan, long fetchedAt, long freshUntil, long generation, long retryAt,
                        boolean failing) {

        Slot failed(long now, long retryInterval) {
            return new Slot(plan, fetchedAt, freshUntil, generation, now + retryInterval, true);
        }
    }

    private final Function<RoutePlanRequest, Mono<RoutePlan>> loader;
    private final Clock clock;
    private final long ttl;
    private final long maxAge;
    private final int maxEntries;
    private final ConcurrentHashMap<RoutePlanRequest, Slot> slots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RoutePlanRequest, Mono<RoutePlan>> loads = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger failingSlots = new AtomicInteger();
    private final AtomicReference<Degradation> degradation = new AtomicReference<>();
    private volatile Reachability reachability = new Reachability(true, null);

    RoutePlanCache(Function<RoutePlanRequest, Mono<RoutePlan>> loader, RoutingProperties properties, Clock clock) {
        this.loader = loader;
        this.clock = clock;
        this.ttl = properties.planCacheTtl().toMillis();
        this.maxAge = properties.stalePlanMaxAge().toMillis();
        this.maxEntries = properties.planCacheSize();
    }

    Mono<RoutePlan> get(RoutePlanRequest key) {
        long now = clock.millis();
        Slot slot = slots.get(key);
        if (slot != null && slot.generation() == generation.get() && now < slot.freshUntil()) {
            return Mono.just(slot.plan());
        }
        if (slot != null && !reachability.reachable() && !slot.failing() && now - slot.fetchedAt() <= maxAge) {
            // the poll already found routing-service down: do not make this request wait on a connection attempt
            // (up to the connect timeout where a dead host's packets are dropped) before the stale plan stands in
            return fallBack(key, new RoutingUnavailableException(reachability.lastError(), null));
        }
        if (slot != null && slot.failing() && now - slot.fetchedAt() <= maxAge) {
            // routing-service was just found down: answer from the stale plan at once, retry in the background
            if (now >= slot.retryAt()) {
                refreshInBackground(key);
            }
            return Mono.just(slot.plan());
        }
        return load(key);
    }

    /** Makes every plan stale (kept as a fallback): the registry changed. */
    void invalidateAll() {
        generation.incrementAndGet();
    }

    /** The registry poll got an answer: retry the keys serving stale plans, so health recovers without traffic. */
    void routingAnswered() {
        reachability = new Reachability(true, null);
        retryFailing();
    }

    /** The registry poll failed: until it answers again, expired plans stand in without a call per request. */
    void routingUnreachable(String error) {
        reachability = new Reachability(false, error);
    }

    Reachability reachability() {
        return reachability;
    }

    private void retryFailing() {
        long now = clock.millis();
        slots.forEach((key, slot) -> {
            if (slot.failing() && now >= slot.retryAt()) {
                refreshInBackground(key);
            }
        });
    }

    Optional<Degradation> degradation() {
        return Optional.ofNullable(degradation.get());
    }

    private void refreshInBackground(RoutePlanRequest key) {
        load(key).subscribe(plan -> { }, error -> { });
    }

    /** Shares one load per key among concurrent callers; it ends in a fresh plan, the stale one, or an error. */
    private Mono<RoutePlan> load(RoutePlanRequest key) {
        return loads.computeIfAbsent(key, k -> {
            long startedIn = generation.get();
            AtomicReference<Mono<RoutePlan>> self = new AtomicReference<>();
            Mono<RoutePlan> shared = loader.apply(k)
                    .doOnNext(plan -> store(k, plan, startedIn))
                    .doOnError(error -> !(error instanceof RoutingUnavailableException), error -> forget(k))
                    .onErrorResume(RoutingUnavailableException.class, error -> fallBack(k, error))
                    .doFinally(signal -> loads.remove(k, self.get()))
                    .cache();
            self.set(shared);
            return shared;
        });
    }

    private void store(RoutePlanRequest key, RoutePlan plan, long startedIn) {
        long now = clock.millis();
        if (!slots.containsKey(key) && slots.size() >= maxEntries) {
            clear();
        }
        // a load that began before a registry change brings an old plan: keep it only as a fallback
        long freshUntil = startedIn == generation.get() ? now + ttl : now;
        Slot previous = slots.put(key, new Slot(plan, now, freshUntil, startedIn, 0, false));
        if (previous != null && previous.failing()) {
            recovered();
        }
    }

    private Mono<RoutePlan> fallBack(RoutePlanRequest key, RoutingUnavailableException error) {
        long now = clock.millis();
        Slot failed = slots.computeIfPresent(key, (k, slot) -> {
            if (now - slot.fetchedAt() > maxAge) {
                if (slot.failing()) {
                    recovered();
                }
                return null;
            }
            if (!slot.failing()) {
                failingSlots.incrementAndGet();
            }
            return slot.failed(now, RETRY_INTERVAL.toMillis());
        });
        if (failed == null) {
            return Mono.error(error);
        }
        degradation.updateAndGet(current -> new Degradation(current == null ? clock.instant() : current.since(),
                error.getMessage(), failingSlots.get()));
        return Mono.just(failed.plan());
    }

    /** routing-service answered for this key (404, say): its last plan must not stand in any more. */
    private void forget(RoutePlanRequest key) {
        Slot removed = slots.remove(key);
        if (removed != null && removed.failing()) {
            recovered();
        }
    }

    private void recovered() {
        int left = failingSlots.decrementAndGet();
        degradation.updateAndGet(current -> left <= 0 ? null
                : current == null ? null : new Degradation(current.since(), current.lastError(), left));
    }

    /** Past the bound it starts over: cheap, and memory stays flat under model-name spraying. */
    private void clear() {
        slots.clear();
        failingSlots.set(0);
        degradation.set(null);
    }
}
