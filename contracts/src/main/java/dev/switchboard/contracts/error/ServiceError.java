package dev.switchboard.contracts.error;

/**
 * The body of every non-2xx answer on internal and admin APIs. {@code type} uses the gateway's error taxonomy
 * (invalid_request, authentication, permission, not_found, rate_limit, ...).
 */
public record ServiceError(String type, String message) {
}
