package dev.switchboard.usage.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One ledger row as finance reads it: who, what, how many tokens and what it cost. Attempts and routing detail stay
 * in {@code GET /api/v1/usage/requests/{id}}.
 *
 * @param cost      exact, in {@code currency}; null when no priced provider served the request
 * @param savedCost what a cache hit would have cost; null unless the request was a hit
 */
record SpendRecord(String requestId, Instant occurredAt, String teamId, String keyId, String userId,
                   String requestedModel, String providerId, String servedModel, String modelVersion, int status,
                   String errorType, String cacheOutcome, boolean stream, long inputTokens, long cachedInputTokens,
                   long outputTokens, long reasoningTokens, boolean tokensEstimated, BigDecimal cost,
                   BigDecimal savedCost, String currency, String priceVersion, long latencyMs, Long ttftMs,
                   Map<String, String> tags) {
}
