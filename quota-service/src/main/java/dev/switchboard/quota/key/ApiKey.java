package dev.switchboard.quota.key;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored gateway key without any secret material: safe to list, log, audit and cache.
 *
 * @param prefix             the first characters of the plaintext, for humans to recognise the key
 * @param status             {@code active} or {@code revoked}; an active key past {@code expiresAt} is expired
 * @param requestsPerMinute  null when the key has no request-rate limit
 * @param expiresAt          null when the key never expires
 * @param allowedModels      models and aliases the key may call; empty means all
 * @param metadata           free-form labels such as owner and purpose
 * @param rotatedFrom        the key this one replaced by rotation, or null
 */
public record ApiKey(String id, String teamId, String name, String prefix, String status,
                     Integer requestsPerMinute, Instant createdAt, Instant revokedAt,
                     Instant expiresAt, List<String> allowedModels, Map<String, String> metadata, String rotatedFrom) {

    static final String ACTIVE = "active";
    static final String REVOKED = "revoked";

    public ApiKey {
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Whether the key authenticates now: not revoked and not expired. */
    public boolean active() {
        return activeAt(Instant.now());
    }

    boolean activeAt(Instant now) {
        return ACTIVE.equals(status) && (expiresAt == null || now.isBefore(expiresAt));
    }
}
