package dev.switchboard.contracts.routing;

import java.util.List;

/**
 * How one kind of request is served: the ordered candidates for failover (first one first), or, for a weighted
 * A/B split, one candidate list per arm that the edge picks with {@link RouteResolution}.
 * {@code registryVersion} lets the edge drop cached plans when the registry changes.
 *
 * @param routeId     the matched rule's name ({@code rule:<name>}), or {@code model:<name>} / {@code alias:<name>}
 *                    when no rule matched and the requested name was served as asked
 * @param candidates  ordered candidates; empty when {@code split} is set
 * @param reason      one line for humans, e.g. {@code rule summarize: cheapest capable -> gpt-4o-mini}
 * @param split       the arms of a weighted split, else null
 * @param policy      the route's actions besides model choice (cache, guardrails, rate limit); never null
 * @param explanation why: matched rule, strategy, every model considered and why it was kept or rejected
 */
public record RoutePlan(String routeId, String requestedModel, List<RouteCandidate> candidates,
                        long registryVersion, String reason, RouteSplit split, RoutePolicy policy,
                        RouteExplanation explanation) {

    public RoutePlan {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        policy = policy == null ? RoutePolicy.NONE : policy;
    }

    public RoutePlan(String routeId, String requestedModel, List<RouteCandidate> candidates, long registryVersion,
                     String reason) {
        this(routeId, requestedModel, candidates, registryVersion, reason, null, null, null);
    }
}
