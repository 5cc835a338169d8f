package dev.switchboard.contracts.usage;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RouteExplanation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything that is known about one request once it has ended. {@code requestId} is the idempotency key:
 * the ledger stores an event once however often it is delivered.
 *
 * @param tokensEstimated true when the provider reported no usage and the counts come from a tokenizer
 * @param cost            exact cost in {@code price}'s currency at {@code priceVersion} ({@link CacheOutcome#billed});
 *                        null when the request never reached a provider
 * @param cacheOutcome    one of {@link CacheOutcome}'s values
 * @param status          HTTP status the client saw
 * @param errorType       error taxonomy type when the request failed, else null
 * @param route           why routing chose the served model (rule, strategy, models considered), else null
 * @param servedBy        how the answer was reached: {@code primary} (the plan's first candidate, first try),
 *                        {@code retry} (the first candidate after a retry), {@code fallback} (a later candidate) or
 *                        {@code hedge} (a hedged second attempt won); null when no provider answered
 * @param reservationId   the quota reservation admission granted, which quota-service settles from this event;
 *                        null when the request was refused before admission
 * @param reasoningTokens the part of {@code outputTokens} spent on hidden reasoning (OpenAI reasoning, Anthropic
 *                        thinking, Gemini thoughts); already counted in {@code outputTokens}
 * @param price           the price the plan carried for the served deployment, from which the ledger prices the
 *                        request; null when no deployment was reached or the model has no price
 */
public record UsageEvent(String requestId, Instant occurredAt, String teamId, String keyId, String user,
                         Map<String, String> tags, String routeId, String requestedModel, String providerId,
                         String servedModel, String modelVersion, List<UsageAttempt> attempts,
                         long inputTokens, long cachedInputTokens, long outputTokens, boolean tokensEstimated,
                         BigDecimal cost, String priceVersion, String cacheOutcome, boolean stream,
                         Long timeToFirstTokenMillis, long latencyMillis, int status, String errorType,
                         RouteExplanation route, String servedBy, String reservationId, long reasoningTokens,
                         ModelPrice price) {

    public UsageEvent {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** An event without reasoning tokens or the price itself (events from edges before the priced ledger). */
    public UsageEvent(String requestId, Instant occurredAt, String teamId, String keyId, String user,
                      Map<String, String> tags, String routeId, String requestedModel, String providerId,
                      String servedModel, String modelVersion, List<UsageAttempt> attempts,
                      long inputTokens, long cachedInputTokens, long outputTokens, boolean tokensEstimated,
                      BigDecimal cost, String priceVersion, String cacheOutcome, boolean stream,
                      Long timeToFirstTokenMillis, long latencyMillis, int status, String errorType,
                      RouteExplanation route, String servedBy, String reservationId) {
        this(requestId, occurredAt, teamId, keyId, user, tags, routeId, requestedModel, providerId, servedModel,
                modelVersion, attempts, inputTokens, cachedInputTokens, outputTokens, tokensEstimated, cost,
                priceVersion, cacheOutcome, stream, timeToFirstTokenMillis, latencyMillis, status, errorType, route,
                servedBy, reservationId, 0, null);
    }

    /** An event without a reservation (events from edges before budgets were reserved, and tests). */
    public UsageEvent(String requestId, Instant occurredAt, String teamId, String keyId, String user,
                      Map<String, String> tags, String routeId, String requestedModel, String providerId,
                      String servedModel, String modelVersion, List<UsageAttempt> attempts,
                      long inputTokens, long cachedInputTokens, long outputTokens, boolean tokensEstimated,
                      BigDecimal cost, String priceVersion, String cacheOutcome, boolean stream,
                      Long timeToFirstTokenMillis, long latencyMillis, int status, String errorType,
                      RouteExplanation route, String servedBy) {
        this(requestId, occurredAt, teamId, keyId, user, tags, routeId, requestedModel, providerId, servedModel,
                modelVersion, attempts, inputTokens, cachedInputTokens, outputTokens, tokensEstimated, cost,
                priceVersion, cacheOutcome, stream, timeToFirstTokenMillis, latencyMillis, status, errorType, route,
                servedBy, null);
    }

    /** An event that records no failover outcome (events from edges before resilience, and tests). */
    public UsageEvent(String requestId, Instant occurredAt, String teamId, String keyId, String user,
                      Map<String, String> tags, String routeId, String requestedModel, String providerId,
                      String servedModel, String modelVersion, List<UsageAttempt> attempts,
                      long inputTokens, long cachedInputTokens, long outputTokens, boolean tokensEstimated,
                      BigDecimal cost, String priceVersion, String cacheOutcome, boolean stream,
                      Long timeToFirstTokenMillis, long latencyMillis, int status, String errorType,
                      RouteExplanation route) {
        this(requestId, occurredAt, teamId, keyId, user, tags, routeId, requestedModel, providerId, servedModel,
                modelVersion, attempts, inputTokens, cachedInputTokens, outputTokens, tokensEstimated, cost,
                priceVersion, cacheOutcome, stream, timeToFirstTokenMillis, latencyMillis, status, errorType, route,
                null, null);
    }

    /** An event without a routing explanation (requests refused before routing). */
    public UsageEvent(String requestId, Instant occurredAt, String teamId, String keyId, String user,
                      Map<String, String> tags, String routeId, String requestedModel, String providerId,
                      String servedModel, String modelVersion, List<UsageAttempt> attempts,
                      long inputTokens, long cachedInputTokens, long outputTokens, boolean tokensEstimated,
                      BigDecimal cost, String priceVersion, String cacheOutcome, boolean stream,
                      Long timeToFirstTokenMillis, long latencyMillis, int status, String errorType) {
        this(requestId, occurredAt, teamId, keyId, user, tags, routeId, requestedModel, providerId, servedModel,
                modelVersion, attempts, inputTokens, cachedInputTokens, outputTokens, tokensEstimated, cost,
                priceVersion, cacheOutcome, stream, timeToFirstTokenMillis, latencyMillis, status, errorType, null,
                null, null);
    }
}
