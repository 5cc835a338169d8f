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
 */
public record RoutePolicy(Boolean cacheEnabled, Long cacheTtlSeconds, List<String> guardrails,
                          Long requestsPerMinute, Long tokensPerMinute) {

    public static final RoutePolicy NONE = new RoutePolicy(null, null, List.of(), null, null);

    public RoutePolicy {
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
    }
}
