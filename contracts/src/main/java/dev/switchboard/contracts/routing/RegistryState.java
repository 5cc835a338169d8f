package dev.switchboard.contracts.routing;

import java.util.List;

/**
 * What edges poll from routing-service ({@code GET /internal/v1/registry/version}) about once a second.
 *
 * @param version the registry version; it changes with every admin change to providers, models, aliases or routes,
 *                and edges drop their cached plans when it does
 * @param tagKeys the metadata keys that enabled route rules match on. Edges put only these tags into a
 *                {@link RoutePlanRequest}, so that free-form metadata (trace ids, user ids) never fragments their
 *                plan cache; an edge that has not yet heard the list sends every tag
 */
public record RegistryState(long version, List<String> tagKeys) {

    public RegistryState {
        tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
    }
}
