package dev.switchboard.quota.limit;

import java.time.Instant;

/**
 * Configured limits of one scope, for one model or (model null) for all; a null field sets no limit.
 *
 * @param scope {@code global}, {@code team:<id>} or {@code key:<id>}
 */
public record Limit(String scope, String model, Integer requestsPerMinute, Long tokensPerMinute,
                    Integer maxConcurrent,
             Integer maxOutputTokens, Instant updatedAt) {
}
