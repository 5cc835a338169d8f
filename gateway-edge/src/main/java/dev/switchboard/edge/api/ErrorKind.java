package dev.switchboard.edge.api;

/**
 * The one error taxonomy every provider error is mapped to, with how the OpenAI-compatible API shows it.
 * The Anthropic-compatible API derives its own shape from the status ({@code messages.AnthropicErrors}).
 */
public enum ErrorKind {
    INVALID_REQUEST(400, "invalid_request_error", null),
    AUTHENTICATION(401, "authentication_error", "invalid_api_key"),
    PERMISSION(403, "permission_error", null),
    NOT_FOUND(404, "invalid_request_error", "not_found"),
    REQUEST_TOO_LARGE(413, "invalid_request_error", "request_too_large"),
    RATE_LIMIT(429, "rate_limit_error", "rate_limit_exceeded"),
    CONTEXT_LENGTH(400, "invalid_request_error", "context_length_exceeded"),
    CONTENT_FILTER(400, "invalid_request_error", "content_filter"),
    OVERLOADED(503, "service_unavailable_error", "overloaded"),
    SERVER_ERROR(500, "server_error", null),
    TIMEOUT(504, "timeout_error", "timeout");

    private final int status;
    private final String type;
    private final String code;

    ErrorKind(int status, String type, String code) {
        this.status = status;
        this.type = type;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public GatewayException exception(String message, long retryAfterSeconds) {
        return new GatewayException(status, type, code, null, message, retryAfterSeconds);
    }

    /** The kind a bare HTTP status stands for, when a provider's body says nothing more specific. */
    public static ErrorKind ofStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID_REQUEST;
            case 401 -> AUTHENTICATION;
            case 403 -> PERMISSION;
            case 404 -> NOT_FOUND;
            case 408, 504 -> TIMEOUT;
            case 413 -> REQUEST_TOO_LARGE;
            case 429 -> RATE_LIMIT;
            case 503, 529 -> OVERLOADED;
            default -> status >= 500 ? SERVER_ERROR : INVALID_REQUEST;
        };
    }
}
