package dev.switchboard.edge.routing;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code routing}. Stays UP while last known plans stand in for an unreachable
 * routing-service, since the edge still serves, but says so in its details for operators.
 */
@Component("routingHealthIndicator")
class RoutingHealthIndicator implements HealthIndicator {

    private final RoutePlanCache cache;

    RoutingHealthIndicator(RoutePlanCache cache) {
        this.cache = cache;
    }

    @Override
    public Health health() {
        return cache.degradation()
                .map(degraded -> Health.up()
                        .withDetail("servingStalePlans", true)
                        .withDetail("stalePlans", degraded.stalePlans())
                        .withDetail("since", degraded.since().toString())
                        .withDetail("lastError", degraded.lastError()))
                .orElseGet(() -> Health.up().withDetail("servingStalePlans", false))
                .build();
    }
}
