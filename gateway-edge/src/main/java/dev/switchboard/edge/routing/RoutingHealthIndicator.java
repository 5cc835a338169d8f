package dev.switchboard.edge.routing;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Health contributor {@code routing}, part of readiness. Stays UP while last known plans stand in for an
 * unreachable routing-service, since the edge still serves, but says so in its details. It only reads what the
 * plan cache and the background registry poll already know: a probe never waits on routing-service, and being
 * reactive it answers on the calling thread instead of queueing for a blocking-health worker.
 */
@Component("routingHealthIndicator")
class RoutingHealthIndicator implements ReactiveHealthIndicator {

    private final RoutePlanCache cache;

    RoutingHealthIndicator(RoutePlanCache cache) {
        this.cache = cache;
    }

    @Override
    public Mono<Health> health() {
        return Mono.just(current());
    }

    Health current() {
        RoutePlanCache.Reachability reachability = cache.reachability();
        Health.Builder health = cache.degradation()
                .map(degraded -> Health.up()
                        .withDetail("servingStalePlans", true)
                        .withDetail("stalePlans", degraded.stalePlans())
                        .withDetail("since", degraded.since().toString())
                        .withDetail("lastError", degraded.lastError()))
                .orElseGet(() -> Health.up().withDetail("servingStalePlans", false))
                .withDetail("routingServiceReachable", reachability.reachable());
        if (!reachability.reachable() && reachability.lastError() != null) {
            health.withDetail("lastPollError", reachability.lastError());
        }
        return health.build();
    }
}
