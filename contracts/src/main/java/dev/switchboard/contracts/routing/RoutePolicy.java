package dev.switchboard.contracts.routing;

import java.util.List;

/**
 * What a route says besides which model serves: response caching, guardrails, a per-route rate limit. Null
 * fields mean "the route says nothing; the team's and global settings apply".
 *
 * @param cacheEnabled       false turns response caching off for the route
 * @param cacheTtlSeconds    how long cached answers for the route live
 * @param guardrails         guardrail names to apply, e.g. {@code pii-redact}
 * @param requestsPerMinute  per-team request limit for the route
 * @param tokensPerMinute    per-team token limit for the route
 * @param maxAttempts        cap on provider attempts (retries, failovers and hedges together) for one request
 *                           on the route; null: the edge's own cap
 * @param hedgeAfterMillis   for non-streamed requests, start a second attempt on the next candidate when the
 *                           first has not answered within this many milliseconds; null: no hedging
 */
public record RoutePolicy(Boolean cacheEnabled, Long cacheTtlSeconds, List<String> guardrails,
                          Long requestsPerMinute, Long tokensPerMinute, Integer maxAttempts, Long hedgeAfterMillis) {

    public static final RoutePolicy NONE = new RoutePolicy(null, null, List.of(), null, null, null, null);

    public RoutePolicy {
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
    }

    /** A policy that says nothing about resilience. */
    public RoutePolicy(Boolean cacheEnabled, Long cacheTtlSeconds, List<String> guardrails,
                       Long requestsPerMinute, Long tokensPerMinute) {
        this(cacheEnabled, cacheTtlSeconds, guardrails, requestsPerMinute, tokensPerMinute, null, null);
    }
}
