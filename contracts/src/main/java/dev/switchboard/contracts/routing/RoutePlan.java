package dev.switchboard.contracts.routing;

import java.util.List;

/**
 * The ordered candidates for one requested model. {@code registryVersion} lets the edge drop cached
 * plans when the registry changes; {@code reason} says why this route matched.
 */
public record RoutePlan(String routeId, String requestedModel, List<RouteCandidate> candidates,
                        long registryVersion, String reason) {

    public RoutePlan {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
