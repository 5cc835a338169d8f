package dev.switchboard.quota.key;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to key creation and rotation: the only object that ever carries the plaintext {@code key}. Its
 * {@link #toString()} leaves the key out so that an accidental log line cannot leak it.
 */
record CreatedKey(String id, String teamId, String name, String prefix, String key, String status,
                  Integer requestsPerMinute, Instant createdAt, Instant expiresAt, List<String> allowedModels,
                  Map<String, String> metadata, String rotatedFrom, List<String> scopes) {

    static CreatedKey of(ApiKey stored, String plaintext) {
        return new CreatedKey(stored.id(), stored.teamId(), stored.name(), stored.prefix(), plaintext, stored.status(),
                stored.requestsPerMinute(), stored.createdAt(), stored.expiresAt(), stored.allowedModels(),
                stored.metadata(), stored.rotatedFrom(), stored.scopes());
    }

    @Override
    public String toString() {
        return "CreatedKey[id=" + id + ", teamId=" + teamId + ", prefix=" + prefix + ", key=<redacted>]";
    }
}
