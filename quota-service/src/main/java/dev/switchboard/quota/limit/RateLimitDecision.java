package dev.switchboard.quota.limit;

/**
 * Outcome of one rate-limit check.
 *
 * @param remaining          requests still allowed in the current window after this one (0 when refused)
 * @param retryAfterSeconds  whole seconds until the current window ends, at least 1
 */
public record RateLimitDecision(boolean allowed, long remaining, long retryAfterSeconds) {
}
