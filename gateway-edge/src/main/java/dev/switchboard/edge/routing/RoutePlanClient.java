package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RegistryState;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.internal.InternalServiceClient;
import dev.switchboard.edge.internal.InternalServicesProperties;
import dev.switchboard.edge.internal.ServiceResponse;
import dev.switchboard.edge.internal.ServiceUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Asks routing-service for plans and for the registry state (version and tag keys). Failures worth hiding behind a last known plan
 * come out as {@link RoutingUnavailableException}; answers about the request itself as {@link GatewayException}.
 */
@Component
class RoutePlanClient {

    private final InternalServiceClient routing;
    private final Duration timeout;

    RoutePlanClient(@Qualifier("routingServiceClient") InternalServiceClient routing,
                    InternalServicesProperties properties) {
        this.routing = routing;
        this.timeout = properties.timeout();
    }

    Mono<RoutePlan> fetchPlan(RoutePlanRequest request) {
        return bounded(routing.post("/internal/v1/route-plans", request, RoutePlan.class))
                .map(response -> {
                    if (response.ok() && servesSomething(response.body())) {
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
                    throw failure(response);
                });
    }

    Mono<RegistryState> fetchRegistryState() {
        return bounded(routing.get("/internal/v1/registry/version", RegistryState.class))
                .map(response -> {
                    if (!response.ok()) {
                        throw failure(response);
                    }
                    return response.body();
                });
    }

    /** A split plan carries its candidates in its arms, not in {@code candidates}. */
    private static boolean servesSomething(RoutePlan plan) {
        if (plan.split() != null) {
            return plan.split().arms().stream().anyMatch(arm -> !arm.candidates().isEmpty());
        }
        return !plan.candidates().isEmpty();
    }

    /**
     * One deadline over the whole call, whatever part of it stalls (pool, connect, request, response): a stuck
     * plan load would hold every request for its key, and a stuck poll would keep the edge from noticing that
     * routing-service is gone. Not on the warm path, which is served from the cache.
     */
    private <T> Mono<ServiceResponse<T>> bounded(Mono<ServiceResponse<T>> call) {
        return call.timeout(timeout)
                .onErrorMap(TimeoutException.class, e -> new ServiceUnavailableException("routing-service", e))
                .onErrorMap(ServiceUnavailableException.class, RoutePlanClient::unreachable);
    }

    /** Only 5xx may be hidden; anything else (a rejected service token, say) is a fault to surface at once. */
    private static RuntimeException failure(ServiceResponse<?> response) {
        if (response.status() >= 500) {
            return new RoutingUnavailableException("routing-service answered " + response.status(), null);
        }
        return GatewayException.unavailable("Routing is temporarily unavailable.");
    }

    /** Names the cause's type only: its message carries internal addresses, and this text reaches health. */
    private static RoutingUnavailableException unreachable(ServiceUnavailableException e) {
        String cause = e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")";
        return new RoutingUnavailableException("routing-service is unreachable" + cause, e);
    }
}
