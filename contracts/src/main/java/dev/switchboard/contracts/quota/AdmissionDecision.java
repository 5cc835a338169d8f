package dev.switchboard.contracts.quota;

/**
 * The answer to an {@link AdmissionRequest}. When not admitted, {@code reason} is one of the codes below and
 * {@code retryAfterSeconds} says when to come back (0 when waiting will not help).
 *
 * @param reservationId       what the edge releases when nothing was billed; settled from the usage event
 * @param message             a human sentence for the client's error, naming the limit or budget, never a key
 * @param rateLimits          the tightest request and token limits, for {@code x-ratelimit-*} headers
 * @param budgetWarning       set when a budget covering the key is past its soft threshold, e.g.
 *                            {@code team monthly money budget at 84% (soft threshold 80%)}; for a warning header
 * @param outputTokenCeiling  set when a {@code max_tokens} ceiling applies and the request set no cap: the edge
 *                            sends this cap upstream, as the reservation assumed it
 */
public record AdmissionDecision(boolean admitted, String reservationId, String reason, long retryAfterSeconds,
                                long remainingRequests, String message, RateLimitStatus rateLimits,
                                String budgetWarning, Long outputTokenCeiling) {

    /** 401: no such key. */
    public static final String KEY_UNKNOWN = "key_unknown";
    /** 401: revoked, or past its expiry. */
    public static final String KEY_REVOKED = "key_revoked";
    /** 403: the key's allowed models do not include the requested one. */
    public static final String MODEL_NOT_ALLOWED = "model_not_allowed";
    /** 403: a money budget covers the key and a candidate has no price (or one in another currency). */
    public static final String MODEL_NOT_PRICED = "model_not_priced";
    /** 400: the request's own max_tokens is above the ceiling that applies to the key. */
    public static final String MAX_TOKENS_EXCEEDED = "max_tokens_exceeded";
    /** 429: requests or tokens per minute, or concurrent requests. */
    public static final String RATE_LIMITED = "rate_limit_exceeded";
    /** 429: a token or money budget's hard limit. */
    public static final String BUDGET_EXCEEDED = "budget_exceeded";

    public AdmissionDecision {
        rateLimits = rateLimits == null ? RateLimitStatus.NONE : rateLimits;
    }

    /** The shape before limits and budgets were enforced (tests and older services). */
    public AdmissionDecision(boolean admitted, String reservationId, String reason, long retryAfterSeconds,
                             long remainingRequests) {
        this(admitted, reservationId, reason, retryAfterSeconds, remainingRequests, null, null, null, null);
    }

    public static AdmissionDecision admit(String reservationId, long remainingRequests) {
        return new AdmissionDecision(true, reservationId, null, 0, remainingRequests);
    }

    public static AdmissionDecision reject(String reason, long retryAfterSeconds) {
        return new AdmissionDecision(false, null, reason, retryAfterSeconds, 0);
    }
}
