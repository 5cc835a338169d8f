package dev.switchboard.quota.key;

import dev.switchboard.serviceweb.ServiceException;
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
 * @param scopes             what the key may do beyond calling models, such as {@code keys:write}
 */
public record ApiKey(String id, String teamId, String name, String prefix, String status,
                     Integer requestsPerMinute, Instant createdAt, Instant revokedAt,
                     Instant expiresAt, List<String> allowedModels, Map<String, String> metadata, String rotatedFrom,
                     List<String> scopes) {

    static final String ACTIVE = "active";
    static final String REVOKED = "revoked";

    public ApiKey {
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** A key without scopes. */
    public ApiKey(String id, String teamId, String name, String prefix, String status, Integer requestsPerMinute,
                  Instant createdAt, Instant revokedAt, Instant expiresAt, List<String> allowedModels,
                  Map<String, String> metadata, String rotatedFrom) {
        this(id, teamId, name, prefix, status, requestsPerMinute, createdAt, revokedAt, expiresAt, allowedModels,
                metadata, rotatedFrom, List.of());
    }

    /** The 404 for an id that matches no key; names the id only when shaped like one, never a pasted key or digest. */
    public static ServiceException notFound(String keyId) {
        return ServiceException.notFound(KeyMaterial.isKeyId(keyId) ? "no key '" + keyId + "'" : "no such key");
    }

    /** Whether the key authenticates now: not revoked and not expired. */
    public boolean active() {
        return activeAt(Instant.now());
    }

    boolean activeAt(Instant now) {
        return ACTIVE.equals(status) && (expiresAt == null || now.isBefore(expiresAt));
    }
}
