package dev.switchboard.edge.api;

import org.springframework.http.HttpHeaders;

/**
 * A failure the client is meant to see, with the status and OpenAI error fields to show it in.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when positive
 */
public class GatewayException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final long retryAfterSeconds;

    public GatewayException(int status, String type, String code, String param, String message,
                            long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static GatewayException invalidRequest(String param, String message) {
        return new GatewayException(400, "invalid_request_error", null, param, message, 0);
    }

    public static GatewayException invalidApiKey() {
        return new GatewayException(401, "authentication_error", "invalid_api_key", null,
                "Incorrect API key provided. Pass a Switchboard key as 'Authorization: Bearer <key>'.", 0);
    }

    public static GatewayException unavailable(String message) {
        return new GatewayException(503, "service_unavailable_error", "service_unavailable", null, message, 1);
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

    public String param() {
        return param;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Adds response headers this failure carries besides {@code Retry-After}; none unless a subclass has some. */
    public void headers(HttpHeaders headers) {
    }
}
