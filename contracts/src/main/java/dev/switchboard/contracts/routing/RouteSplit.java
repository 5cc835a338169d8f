package dev.switchboard.contracts.routing;

import java.util.List;

/**
 * A weighted A/B split. The arm is chosen from a stable hash of the route and the sticky key, so one user (or
 * one request key) always lands on the same arm on every edge while the weights stay unchanged.
 *
 * @param stickyBy {@code user} (the request's {@code user} field, else the API key) or {@code request}
 *                 (the {@code x-switchboard-sticky-key} header, else the request id)
 */
public record RouteSplit(String stickyBy, List<Arm> arms) {

    public RouteSplit {
        arms = arms == null ? List.of() : List.copyOf(arms);
    }

    /** One arm: its name (the target it serves), weight (positive) and ordered candidates. */
    public record Arm(String name, int weight, List<RouteCandidate> candidates) {

        public Arm {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }
    }
}
