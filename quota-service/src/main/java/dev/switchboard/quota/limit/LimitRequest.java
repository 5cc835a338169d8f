package dev.switchboard.quota.limit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code PUT /api/v1/limits/{scope}}: replaces the scope's limits for the model; absent fields set no
 * limit, and at least one must be given. The maximums only catch typos (an extra zero or three).
 */
record LimitRequest(@Positive @Max(1_000_000) Integer requestsPerMinute,
                    @Positive @Max(10_000_000_000L) Long tokensPerMinute,
                    @Positive @Max(100_000) Integer maxConcurrent,
                    @Positive @Max(10_000_000) Integer maxOutputTokens) {

    boolean empty() {
        return requestsPerMinute == null && tokensPerMinute == null && maxConcurrent == null && maxOutputTokens == null;
    }
}
