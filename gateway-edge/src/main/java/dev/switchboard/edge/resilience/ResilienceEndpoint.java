package dev.switchboard.edge.resilience;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.switchboard.contracts.audit.AuditEvent;
import dev.switchboard.edge.audit.AuditActor;
import dev.switchboard.edge.audit.AuditPublisher;
import dev.switchboard.edge.audit.AuditUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import tools.jackson.databind.json.JsonMapper;

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
    private final AuditPublisher audit;
    private final JsonMapper json;
    private final byte[] adminToken;

    ResilienceEndpoint(DeploymentBreakers breakers, ResilienceMetrics metrics, AuditPublisher audit, JsonMapper json,
                       @Value("${switchboard.security.admin-token:}") String adminToken) {
        this.breakers = breakers;
        this.metrics = metrics;
        this.audit = audit;
        this.json = json;
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

    /**
     * Resets only once the audit log has the change: the edge has no database of its own, so the event must be on
     * Kafka before the change is made, or the change is refused (503).
     */
    private Mono<ServerResponse> reset(ServerRequest request) {
        String deployment = request.queryParam("deployment").orElse("");
        if (deployment.isBlank() || breakers.registry().find(deployment).isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "not_found",
                    "No breaker for deployment '" + deployment + "' on this edge; deployments are provider/model.");
        }
        String actor = AuditActor.of(request.headers().firstHeader(AuditActor.HEADER));
        if (actor == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", AuditActor.HEADER
                    + ": must be printable ASCII, not starting or ending with a space, at most "
                    + AuditActor.MAX_USER_LENGTH + " characters");
        }
        DeploymentState before = state(breakers.breaker(deployment));
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), Instant.now(), "gateway-edge",
                instance(request), actor, "reset", "breaker", deployment, json.writeValueAsString(before),
                json.writeValueAsString(Map.of("state", CircuitBreaker.State.CLOSED.name())));
        return audit.record(event)
                .then(Mono.fromSupplier(() -> {
                    breakers.reset(deployment);
                    return state(breakers.breaker(deployment));
                }))
                .flatMap(after -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(after))
                .onErrorResume(AuditUnavailableException.class, unavailable -> ServerResponse
                        .status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("error", Map.of("code", "audit_unavailable", "message",
                                "The breaker was not reset: the audit log (Kafka) did not confirm the change."))));
    }

    /** This replica as the audit log names it: host and the port the request came in on. */
    private static String instance(ServerRequest request) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return request.localAddress().map(address -> address.getPort()).map(port -> ":" + port)
                .map(host::concat).orElse(host);
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
