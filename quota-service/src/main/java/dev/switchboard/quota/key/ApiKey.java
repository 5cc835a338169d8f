package dev.switchboard.quota.key;

import java.time.Instant;

/**
 * A stored gateway key without any secret material: safe to list, log and cache.
 *
 * @param prefix             the first characters of the plaintext, for humans to recognise the key
 * @param status             {@code active} or {@code revoked}
 * @param requestsPerMinute  null when the key has no request-rate limit
 */
public record ApiKey(String id, String teamId, String name, String prefix, String status,
                     Integer requestsPerMinute, Instant createdAt, Instant revokedAt) {

    static final String ACTIVE = "active";
    static final String REVOKED = "revoked";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
