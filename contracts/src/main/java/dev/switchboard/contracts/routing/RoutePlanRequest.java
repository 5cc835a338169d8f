package dev.switchboard.contracts.routing;

import java.util.Map;

/**
 * Asks routing-service for the plan that serves {@code model} for {@code teamId}. Everything here is a cache key
 * at the edge, so it holds only what rules match on and what filters models; per-request facts that vary freely
 * (the sticky key, the request's token count) are applied by the edge through {@link RouteResolution}.
 *
 * @param task     the task hint ({@code x-switchboard-task} header or {@code metadata.task}), or null
 * @param tags     request metadata rules may match on; never null
 * @param requires capabilities the request needs; never null
 */
public record RoutePlanRequest(String teamId, String model, String task, Map<String, String> tags,
                               RequiredCapabilities requires) {

    public RoutePlanRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        requires = requires == null ? RequiredCapabilities.NONE : requires;
    }

    public RoutePlanRequest(String teamId, String model) {
        this(teamId, model, null, null, null);
    }
}
