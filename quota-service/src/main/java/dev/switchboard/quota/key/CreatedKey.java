package dev.switchboard.quota.key;

import java.time.Instant;

/**
 * The answer to key creation: the only object that ever carries the plaintext {@code key}. Its
 * {@link #toString()} leaves the key out so that an accidental log line cannot leak it.
 */
record CreatedKey(String id, String teamId, String name, String prefix, String key, String status,
                  Integer requestsPerMinute, Instant createdAt) {

    @Override
    public String toString() {
        return "CreatedKey[id=" + id + ", teamId=" + teamId + ", prefix=" + prefix + ", key=<redacted>]";
    }
}
