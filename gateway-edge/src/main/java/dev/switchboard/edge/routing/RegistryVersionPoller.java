package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RegistryState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Watches routing-service's registry state in the background: drops cached plans when the version changes, keeps
 * the tag keys rules match on, and tells the plan cache whether routing-service answers, so that requests serve
 * last known plans at once instead of each waiting on a connection attempt. Never on a request path.
 */
class RegistryVersionPoller implements SmartLifecycle {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Supplier<Mono<RegistryState>> states;
    private final RoutePlanCache cache;
    private final TagKeys tagKeys;
    private final Duration interval;
    private final Scheduler scheduler;
    private final AtomicLong lastVersion = new AtomicLong(UNKNOWN);
    private volatile Disposable polling;

    RegistryVersionPoller(Supplier<Mono<RegistryState>> states, RoutePlanCache cache, TagKeys tagKeys,
                          Duration interval, Scheduler scheduler) {
        this.states = states;
        this.cache = cache;
        this.tagKeys = tagKeys;
        this.interval = interval;
        this.scheduler = scheduler;
    }

    /** The states seen, one per successful poll; a poll still running when the next is due skips that one. */
    Flux<RegistryState> polls() {
        return Flux.interval(interval, scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> states.get().onErrorResume(error -> {
                    cache.routingUnreachable(error.getMessage());
                    return Mono.empty();
                }), 1)
                .doOnNext(this::observe);
    }

    private void observe(RegistryState state) {
        long previous = lastVersion.getAndSet(state.version());
        if (previous != UNKNOWN && previous != state.version()) {
            cache.invalidateAll();
        }
        tagKeys.update(state.tagKeys());
        // routing-service answers again: give keys on stale plans their retry now rather than on the next request
        cache.routingAnswered();
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
