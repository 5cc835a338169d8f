package dev.switchboard.contracts.auth;

/**
 * Asks quota-service who owns a gateway key. Only the SHA-256 hex digest of the key travels;
 * the plaintext never leaves the edge.
 */
public record KeyAuthenticationRequest(String keyHash) {
}
