package dev.switchboard.quota.key;

/** Published after a key is revoked, so in-process caches can drop it at once instead of at expiry. */
public record ApiKeyRevoked(String keyId) {
}
