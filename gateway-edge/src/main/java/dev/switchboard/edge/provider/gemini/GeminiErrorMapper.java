package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.RetryAfter;
import io.netty.handler.codec.http.HttpHeaders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classifies Gemini's google.rpc errors ({@code {"error":{"code","message","status","details"}}}, reference §3.5).
 * The rpc status decides, then the HTTP status. A bad key comes back as 400 INVALID_ARGUMENT with ErrorInfo reason
 * API_KEY_INVALID, so the reason is checked first.
 */
final class GeminiErrorMapper {

    static final String AUTHENTICATION_MESSAGE = "The provider rejected the gateway's credential for this model.";
    static final String PERMISSION_MESSAGE = "The provider denied the gateway's credential access to this model.";

    private static final int MAX_MESSAGE = 1000;

    private final JsonMapper json;

    GeminiErrorMapper(JsonMapper json) {
        this.json = json;
    }

    GatewayException map(int status, HttpHeaders headers, byte[] body) {
        return map(status, errorObject(body), headers);
    }

    /**
     * @param error   the {@code error} object, or a missing node when the body had none
     * @param headers the response headers, or null for an error sent inside a stream
     */
    GatewayException map(int status, JsonNode error, HttpHeaders headers) {
        String rpcStatus = error.path("status").asString("");
        String message = error.path("message").asString("");
        ErrorKind kind = kind(status, rpcStatus, errorInfoReason(error.path("details")), message);
        String text = switch (kind) {
            // Google's text for a bad key can repeat the key, so none of it is passed on
            case AUTHENTICATION -> AUTHENTICATION_MESSAGE;
            case PERMISSION -> PERMISSION_MESSAGE;
            default -> message.isBlank() ? "The provider answered with HTTP status " + status + "." : clip(message);
        };
        return kind.exception(text, retryAfterSeconds(error.path("details"), headers));
    }

    private static ErrorKind kind(int status, String rpcStatus, String reason, String message) {
        if (reason.equals("API_KEY_INVALID") || rpcStatus.equals("UNAUTHENTICATED")) {
            return ErrorKind.AUTHENTICATION;
        }
        return switch (rpcStatus) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> invalidRequest(message);
            case "PERMISSION_DENIED" -> ErrorKind.PERMISSION;
            case "NOT_FOUND" -> ErrorKind.NOT_FOUND;
            case "RESOURCE_EXHAUSTED" -> ErrorKind.RATE_LIMIT;
            case "INTERNAL", "UNKNOWN", "DATA_LOSS" -> ErrorKind.SERVER_ERROR;
            case "UNAVAILABLE" -> ErrorKind.OVERLOADED;
            case "DEADLINE_EXCEEDED" -> ErrorKind.TIMEOUT;
            default -> status == 400 ? invalidRequest(message) : ErrorKind.ofStatus(status);
        };
    }

    /** e.g. "The input token count (1196265) exceeds the maximum number of tokens allowed (1048575)." */
    private static ErrorKind invalidRequest(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("token") && (lower.contains("exceed") || lower.contains("too long"))) {
            return ErrorKind.CONTEXT_LENGTH;
        }
        if (lower.contains("payload size exceeds")) {
            return ErrorKind.REQUEST_TOO_LARGE;
        }
        return ErrorKind.INVALID_REQUEST;
    }

    private static String errorInfoReason(JsonNode details) {
        for (JsonNode detail : details) {
            if (detail.path("@type").asString("").endsWith("google.rpc.ErrorInfo")) {
                return detail.path("reason").asString("");
            }
        }
        return "";
    }

    /** A RetryInfo detail's {@code retryDelay} ("7s", "0.5s"), else a Retry-After header; whole seconds, rounded up. */
    private static long retryAfterSeconds(JsonNode details, HttpHeaders headers) {
        for (JsonNode detail : details) {
            String delay = detail.path("retryDelay").asString("");
            if (detail.path("@type").asString("").endsWith("google.rpc.RetryInfo") && delay.endsWith("s")) {
                try {
                    return new BigDecimal(delay.substring(0, delay.length() - 1)).setScale(0, RoundingMode.CEILING)
                            .max(BigDecimal.ZERO).longValueExact();
                } catch (NumberFormatException | ArithmeticException unreadable) {
                    break;
                }
            }
        }
        return RetryAfter.seconds(headers);
    }

    /** The {@code error} object of a body, also when a non-SSE stream wrapped it in an array; else a missing node. */
    private JsonNode errorObject(byte[] body) {
        try {
            JsonNode root = body == null || body.length == 0 ? null : json.readTree(body);
            if (root != null && root.isArray() && !root.isEmpty()) {
                root = root.get(0);
            }
            return root == null ? json.missingNode() : root.path("error");
        } catch (JacksonException notJson) {
            return json.missingNode();
        }
    }

    private static String clip(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
