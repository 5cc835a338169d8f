package dev.switchboard.edge.resilience;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The admin view of this edge's resilience, for the UI and operators: every deployment's breaker state and
 * rates, cooldowns, and retry/failover/hedge totals ({@code GET /api/v1/resilience}); and a manual reset of one
 * breaker ({@code POST /api/v1/resilience/breakers/reset?deployment=provider/model}). Admin token only. Breakers
 * are per edge, so a UI asks each edge.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceEndpoint {

    private final DeploymentBreakers breakers;
    private final ResilienceMetrics metrics;
    private final byte[] adminToken;

    ResilienceEndpoint(DeploymentBreakers breakers, ResilienceMetrics metrics,
                       @Value("${switchboard.security.admin-token:}") String adminToken) {
        this.breakers = breakers;
        this.metrics = metrics;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    RouterFunction<ServerResponse> resilienceRoutes() {
        return route(GET("/api/v1/resilience"), request -> authorized(request, this::view))
                .andRoute(POST("/api/v1/resilience/breakers/reset"), request -> authorized(request, this::reset));
    }

    /** Deployment states and totals. */
    record View(List<DeploymentState> deployments, ResilienceMetrics.Totals totals) {
    }

    /** Rates are percentages, null until the breaker has seen its minimum number of calls. */
    record DeploymentState(String deploymentId, String state, Float failureRate, Float slowCallRate,
                           int bufferedCalls, int failedCalls, int slowCalls, long notPermittedCalls,
                           long coolingDownMillis, long millisUntilProbe) {
    }

    private Mono<ServerResponse> view(ServerRequest request) {
        List<DeploymentState> states = breakers.registry().getAllCircuitBreakers().stream()
                .sorted(Comparator.comparing(CircuitBreaker::getName))
                .map(this::state)
                .toList();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new View(states, metrics.totals()));
    }

    private DeploymentState state(CircuitBreaker breaker) {
        CircuitBreaker.Metrics rates = breaker.getMetrics();
        return new DeploymentState(breaker.getName(), breaker.getState().name(), rate(rates.getFailureRate()),
                rate(rates.getSlowCallRate()), rates.getNumberOfBufferedCalls(), rates.getNumberOfFailedCalls(),
                rates.getNumberOfSlowCalls(), rates.getNumberOfNotPermittedCalls(),
                breakers.coolingMillis(breaker.getName()), breakers.millisUntilProbe(breaker.getName()));
    }

    /** Resilience4j reports -1 while too few calls were made for a rate to mean anything. */
    private static Float rate(float percent) {
        return percent < 0 ? null : percent;
    }

    private Mono<ServerResponse> reset(ServerRequest request) {
        String deployment = request.queryParam("deployment").orElse("");
        if (deployment.isBlank() || breakers.registry().find(deployment).isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "not_found",
                    "No breaker for deployment '" + deployment + "' on this edge; deployments are provider/model.");
        }
        breakers.reset(deployment);
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(state(breakers.breaker(deployment)));
    }

    private Mono<ServerResponse> authorized(ServerRequest request,
                                            java.util.function.Function<ServerRequest, Mono<ServerResponse>> handler) {
        String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (adminToken.length == 0 || !MessageDigest.isEqual(adminToken, presented)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "An admin token is required.");
        }
        return handler.apply(request);
    }

    private static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("error", Map.of("code", code, "message", message)));
    }
}
