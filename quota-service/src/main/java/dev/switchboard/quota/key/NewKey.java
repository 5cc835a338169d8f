package dev.switchboard.quota.key;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything stored for a key about to be inserted, except its id, hash and prefix, which come from the plaintext. */
record NewKey(String teamId, String name, Integer requestsPerMinute, Instant expiresAt, List<String> allowedModels,
              Map<String, String> metadata, String rotatedFrom, List<String> scopes) {

    NewKey {
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Rotation: the old key's team, limits, models, metadata and scopes under a new secret. */
    static NewKey replacing(ApiKey old, Instant expiresAt) {
        return new NewKey(old.teamId(), old.name(), old.requestsPerMinute(), expiresAt, old.allowedModels(),
                old.metadata(), old.id(), old.scopes());
    }
}
