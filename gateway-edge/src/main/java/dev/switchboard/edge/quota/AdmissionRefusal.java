package dev.switchboard.edge.quota;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.RateLimitHeaders;
import org.springframework.http.HttpHeaders;

/**
 * A request quota-service refused, shown to the client as OpenAI shows the same refusal: the status and error
 * fields by reason, quota-service's message (it names the limit or budget, never a key), {@code Retry-After} on
 * every 429, and the {@code x-ratelimit-*} headers the decision carried.
 */
final class AdmissionRefusal extends GatewayException {

    private final transient AdmissionDecision decision;

    private AdmissionRefusal(int status, String type, String code, String param, String message,
                             long retryAfterSeconds, AdmissionDecision decision) {
        super(status, type, code, param, message, retryAfterSeconds);
        this.decision = decision;
    }

    static GatewayException of(AdmissionDecision decision) {
        String reason = decision.reason() == null ? "refused" : decision.reason();
        return switch (reason) {
            // the pipeline forgets a cached key on invalid_api_key, so a revoked one stops at authentication next
            case AdmissionDecision.KEY_UNKNOWN, AdmissionDecision.KEY_REVOKED -> GatewayException.invalidApiKey();
            case AdmissionDecision.MODEL_NOT_ALLOWED -> refusal(403, "permission_error", reason, "model",
                    "This key may not use the requested model.", decision);
            case AdmissionDecision.MODEL_NOT_PRICED -> refusal(403, "permission_error", reason, "model",
                    "The requested model has no price, and a money budget covers this key.", decision);
            case AdmissionDecision.MAX_TOKENS_EXCEEDED -> refusal(400, "invalid_request_error", reason, "max_tokens",
                    "max_tokens is above the ceiling that applies to this key.", decision);
            case AdmissionDecision.RATE_LIMITED -> refusal(429, "rate_limit_error", reason, null,
                    "Rate limit reached for this key.", decision);
            // OpenAI's type for a spent quota; its SDKs raise it as a RateLimitError like any 429
            default -> refusal(429, "insufficient_quota", reason, null,
                    "Request refused by quota: " + reason + ".", decision);
        };
    }

    private static AdmissionRefusal refusal(int status, String type, String code, String param, String fallback,
                                            AdmissionDecision decision) {
        String message = decision.message() == null || decision.message().isBlank() ? fallback : decision.message();
        long retryAfter = status == 429 ? Math.max(1, decision.retryAfterSeconds()) : 0;
        return new AdmissionRefusal(status, type, code, param, message, retryAfter, decision);
    }

    @Override
    public void headers(HttpHeaders headers) {
        if (status() == 429) {
            RateLimitHeaders.write(headers, decision);
        }
    }
}
