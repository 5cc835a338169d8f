package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.internal.ExpiringCache;
import dev.switchboard.edge.internal.InternalServiceClient;
import dev.switchboard.edge.internal.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds the route plan for a team and model, from a short-lived cache or routing-service. */
@Component
public class RoutePlanner {

    private final InternalServiceClient routing;
    private final ExpiringCache<RoutePlanRequest, RoutePlan> cache;

    RoutePlanner(@Qualifier("routingServiceClient") InternalServiceClient routing, RoutingProperties properties) {
        this.routing = routing;
        this.cache = new ExpiringCache<>(properties.planCacheTtl(), properties.planCacheSize());
    }

    public Mono<RoutePlan> plan(String teamId, String model) {
        return cache.get(new RoutePlanRequest(teamId, model), this::lookUp);
    }

    private Mono<RoutePlan> lookUp(RoutePlanRequest request) {
        return routing.post("/internal/v1/route-plans", request, RoutePlan.class)
                .onErrorMap(ServiceUnavailableException.class,
                        e -> GatewayException.unavailable("Routing is temporarily unavailable."))
                .map(response -> {
                    if (response.ok() && !response.body().candidates().isEmpty()) {
                        return response.body();
                    }
                    if (response.ok() || response.status() == 404) {
                        throw new GatewayException(404, "invalid_request_error", "model_not_found", "model",
                                "The model '" + request.model() + "' does not exist or you do not have access to it.",
                                0);
                    }
                    if (response.status() == 400) {
                        throw GatewayException.invalidRequest("model", response.error().message());
                    }
                    throw GatewayException.unavailable("Routing is temporarily unavailable.");
                });
    }
}
