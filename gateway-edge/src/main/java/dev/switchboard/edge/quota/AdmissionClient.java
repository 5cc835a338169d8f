package dev.switchboard.edge.quota;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.internal.InternalServiceClient;
import dev.switchboard.edge.internal.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Asks quota-service to admit a request. Fails closed: when quota-service cannot answer, the request is refused
 * with 503 rather than let through unmetered.
 */
@Component
public class AdmissionClient {

    private final InternalServiceClient quota;

    AdmissionClient(@Qualifier("quotaServiceClient") InternalServiceClient quota) {
        this.quota = quota;
    }

    /** The admitted decision; a refusal arrives as a {@link GatewayException} the client can be shown. */
    public Mono<AdmissionDecision> admit(AdmissionRequest request) {
        return quota.post("/internal/v1/admissions", request, AdmissionDecision.class)
                .onErrorMap(ServiceUnavailableException.class,
                        e -> GatewayException.unavailable("Admission is temporarily unavailable."))
                .map(response -> {
                    if (!response.ok()) {
                        throw GatewayException.unavailable("Admission is temporarily unavailable.");
                    }
                    AdmissionDecision decision = response.body();
                    if (!decision.admitted()) {
                        throw refusal(decision);
                    }
                    return decision;
                });
    }

    private static GatewayException refusal(AdmissionDecision decision) {
        if ("key_revoked".equals(decision.reason()) || "unknown_key".equals(decision.reason())) {
            return GatewayException.invalidApiKey();
        }
        if ("rate_limited".equals(decision.reason())) {
            return new GatewayException(429, "rate_limit_error", "rate_limit_exceeded", null,
                    "Rate limit reached for this key. Retry after " + decision.retryAfterSeconds() + " s.",
                    Math.max(1, decision.retryAfterSeconds()));
        }
        return new GatewayException(429, "insufficient_quota", decision.reason(), null,
                "Request refused by quota: " + decision.reason() + ".", Math.max(1, decision.retryAfterSeconds()));
    }
}
