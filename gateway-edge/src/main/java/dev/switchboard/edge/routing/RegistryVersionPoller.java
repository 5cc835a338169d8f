package dev.switchboard.edge.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Watches routing-service's registry version in the background and drops cached plans when it changes, so an
 * admin change reaches this edge within one poll interval whatever the plan TTL. Never on a request path.
 */
class RegistryVersionPoller implements SmartLifecycle {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Supplier<Mono<Long>> versions;
    private final RoutePlanCache cache;
    private final Duration interval;
    private final Scheduler scheduler;
    private final AtomicLong lastVersion = new AtomicLong(UNKNOWN);
    private volatile Disposable polling;

    RegistryVersionPoller(Supplier<Mono<Long>> versions, RoutePlanCache cache, Duration interval,
                          Scheduler scheduler) {
        this.versions = versions;
        this.cache = cache;
        this.interval = interval;
        this.scheduler = scheduler;
    }

    /** The versions seen, one per successful poll; a poll still running when the next is due skips that one. */
    Flux<Long> polls() {
        return Flux.interval(interval, scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> versions.get().onErrorResume(error -> Mono.empty()), 1)
                .doOnNext(this::observe);
    }

    private void observe(long version) {
        long previous = lastVersion.getAndSet(version);
        if (previous != UNKNOWN && previous != version) {
            cache.invalidateAll();
        }
        // routing-service answers again: give keys on stale plans their retry now rather than on the next request
        cache.retryFailing();
    }

    @Override
    public void start() {
        polling = polls().subscribe();
    }

    @Override
    public void stop() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
