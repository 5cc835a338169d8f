package dev.switchboard.contracts.routing;

import java.util.Map;

/**
 * Asks routing-service for the plan that serves {@code model} for {@code teamId}. Everything here is a cache key
 * at the edge, so it holds only what rules match on and what filters models; per-request facts that vary freely
 * (the sticky key, the request's token count) are applied by the edge through {@link RouteResolution}.
 *
 * @param task     the task hint ({@code x-switchboard-task} header or {@code metadata.task}), or null
 * @param tags     request metadata rules may match on; never null
 * @param requires  capabilities the request needs; never null
 * @param operation {@value #CHAT} (default) or {@value #EMBEDDING}: which kind of model can serve it
 */
public record RoutePlanRequest(String teamId, String model, String task, Map<String, String> tags,
                               RequiredCapabilities requires, String operation) {

    public static final String CHAT = "chat";
    public static final String EMBEDDING = "embedding";

    public RoutePlanRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        requires = requires == null ? RequiredCapabilities.NONE : requires;
        operation = operation == null ? CHAT : operation;
    }

    /** A chat request. */
    public RoutePlanRequest(String teamId, String model, String task, Map<String, String> tags,
                            RequiredCapabilities requires) {
        this(teamId, model, task, tags, requires, CHAT);
    }

    public RoutePlanRequest(String teamId, String model) {
        this(teamId, model, null, null, null, CHAT);
    }

    /** An embeddings request: only embedding models serve it, and rules apply only when they say so. */
    public static RoutePlanRequest embedding(String teamId, String model) {
        return new RoutePlanRequest(teamId, model, null, null, null, EMBEDDING);
    }
}
