package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.edge.api.GatewayException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds the route plan for a kind of request, from the edge's plan cache or routing-service. */
@Component
public class RoutePlanner {

    private final RoutePlanCache cache;

    RoutePlanner(RoutePlanCache cache) {
        this.cache = cache;
    }

    public Mono<RoutePlan> plan(RoutePlanRequest request) {
        return cache.get(request)
                .onErrorMap(RoutingUnavailableException.class,
                        e -> GatewayException.unavailable("Routing is temporarily unavailable."));
    }
}
