package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.RetryAfter;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classifies Anthropic errors, {@code {"type":"error","error":{"type","message"}}} (wire-formats §2.5, §5.5), into
 * the gateway's {@link ErrorKind}s. Refusals of the gateway's own credential or account get a fixed message: the
 * provider's text is not the client's business and could echo the key.
 */
final class AnthropicErrorMapper {

    private static final String CREDENTIAL_REFUSED = "The provider refused the gateway's credential.";
    private static final String ACCESS_DENIED = "The provider denied the gateway's account access to this request.";

    private final JsonMapper json;

    AnthropicErrorMapper(JsonMapper json) {
        this.json = json;
    }

    /** The exception for an error response with {@code status} ≥ 400. */
    GatewayException map(int status, HttpHeaders headers, byte[] body) {
        JsonNode error = readError(body);
        String type = error.path("type").isString() ? error.path("type").stringValue() : null;
        String message = error.path("message").isString() ? error.path("message").stringValue() : null;
        ErrorKind kind = status == 529 ? ErrorKind.OVERLOADED : kindOf(type, message, ErrorKind.ofStatus(status));
        boolean credentialProblem = status == 401 || status == 403 || kind == ErrorKind.AUTHENTICATION
                || kind == ErrorKind.PERMISSION;
        return kind.exception(clientMessage(kind, credentialProblem, message, status),
                RetryAfter.seconds(headers));
    }

    /** The exception for an in-band {@code error} event of a stream already under way. */
    GatewayException inBand(JsonNode error) {
        String type = error.path("type").isString() ? error.path("type").stringValue() : null;
        String message = error.path("message").isString() ? error.path("message").stringValue() : null;
        ErrorKind kind = kindOf(type, message, ErrorKind.SERVER_ERROR);
        boolean credentialProblem = kind == ErrorKind.AUTHENTICATION || kind == ErrorKind.PERMISSION;
        return kind.exception(clientMessage(kind, credentialProblem, message, 0), 0);
    }

    static ErrorKind kindOf(String type, String message, ErrorKind fallback) {
        if (type == null) {
            return fallback;
        }
        return switch (type) {
            case "invalid_request_error" ->
                    contextLength(message) ? ErrorKind.CONTEXT_LENGTH : ErrorKind.INVALID_REQUEST;
            case "authentication_error" -> ErrorKind.AUTHENTICATION;
            // the gateway's account, not the client's request, is what billing refuses
            case "permission_error", "billing_error" -> ErrorKind.PERMISSION;
            case "not_found_error" -> ErrorKind.NOT_FOUND;
            case "request_too_large" -> ErrorKind.REQUEST_TOO_LARGE;
            case "rate_limit_error" -> ErrorKind.RATE_LIMIT;
            case "api_error" -> ErrorKind.SERVER_ERROR;
            case "overloaded_error" -> ErrorKind.OVERLOADED;
            case "timeout_error" -> ErrorKind.TIMEOUT;
            default -> fallback;
        };
    }

    /**
     * Anthropic reports an over-long prompt as a plain invalid request, e.g. "prompt is too long: 208656 tokens
     * &gt; 200000 maximum" or "input length and `max_tokens` exceed context limit: …".
     */
    private static boolean contextLength(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("prompt is too long") || text.contains("context limit")
                || text.contains("context window") || text.contains("context length");
    }

    private static String clientMessage(ErrorKind kind, boolean credentialProblem, String message, int status) {
        if (credentialProblem) {
            return kind == ErrorKind.AUTHENTICATION || status == 401 ? CREDENTIAL_REFUSED : ACCESS_DENIED;
        }
        if (message == null || message.isBlank()) {
            return status > 0 ? "The provider answered HTTP " + status + "." : "The provider reported an error.";
        }
        return message;
    }

    private JsonNode readError(byte[] body) {
        if (body == null || body.length == 0) {
            return json.missingNode();
        }
        try {
            return json.readTree(body).path("error");
        } catch (JacksonException notJson) {
            return json.missingNode();
        }
    }
}
