package dev.switchboard.contracts.quota;

/**
 * The answer to an {@link AdmissionRequest}. When not admitted, {@code reason} is a short machine-readable
 * code (e.g. {@code rate_limited}, {@code key_revoked}) and {@code retryAfterSeconds} says when to come back.
 */
public record AdmissionDecision(boolean admitted, String reservationId, String reason, long retryAfterSeconds,
                                long remainingRequests) {

    public static AdmissionDecision admit(String reservationId, long remainingRequests) {
        return new AdmissionDecision(true, reservationId, null, 0, remainingRequests);
    }

    public static AdmissionDecision reject(String reason, long retryAfterSeconds) {
        return new AdmissionDecision(false, null, reason, retryAfterSeconds, 0);
    }
}
