package dev.switchboard.edge.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata keys route rules match on, as routing-service last told this edge. Only those tags go into a plan
 * request, so free-form metadata (trace ids, user ids) does not split the plan cache into one entry per request.
 * Until the first registry poll answers, every tag is sent: a rule must not be missed for want of the list.
 */
final class TagKeys {

    private volatile Set<String> keys;

    void update(List<String> tagKeys) {
        Set<String> current = keys;
        if (current == null || current.size() != tagKeys.size() || !current.containsAll(tagKeys)) {
            keys = Set.copyOf(tagKeys);
        }
    }

    /** The tags among {@code metadata} rules may match on; allocates only when some, but not all, are kept. */
    Map<String, String> filter(Map<String, String> metadata) {
        Set<String> wanted = keys;
        if (metadata == null || metadata.isEmpty() || (wanted != null && wanted.isEmpty())) {
            return Map.of();
        }
        if (wanted == null || wanted.containsAll(metadata.keySet())) {
            return metadata;
        }
        Map<String, String> kept = new HashMap<>(4);
        metadata.forEach((key, value) -> {
            if (wanted.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
