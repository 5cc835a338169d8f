package dev.switchboard.edge.messages;

import dev.switchboard.edge.api.GatewayException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shows a {@link GatewayException} the way the Anthropic API shows failures (reference §2.5, §5.5):
 * {@code {"type":"error","error":{"type","message"},"request_id"}}, with the status and {@code error.type} derived
 * from the gateway's status, since Anthropic SDKs pick their exception class by status.
 */
public final class AnthropicErrors {

    private final JsonMapper json;

    public AnthropicErrors(JsonMapper json) {
        this.json = json;
    }

    /** The HTTP status to answer with: Anthropic reports overload as 529, which its SDKs retry. */
    public int status(GatewayException error) {
        int status = error.status();
        return status == 503 ? 529 : status;
    }

    /** The Anthropic {@code error.type} for the status {@link #status} answers with. */
    public String type(GatewayException error) {
        int status = status(error);
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    /** The error body without a request id; see {@link #body(GatewayException, String)}. */
    public byte[] body(GatewayException error) {
        return body(error, null);
    }

    /**
     * The error body. Anthropic puts the request id in the body as well as in the {@code request-id} header.
     *
     * @param requestId the gateway's request id, or null to leave it out
     */
    public byte[] body(GatewayException error, String requestId) {
        return json.writeValueAsBytes(envelope(error, requestId));
    }

    /** The error as an Anthropic stream {@code error} event, for failures after the stream has started. */
    public byte[] sseEvent(GatewayException error) {
        return sseEvent(error, null);
    }

    /** As {@link #sseEvent(GatewayException)}, with the request id in the data. */
    public byte[] sseEvent(GatewayException error, String requestId) {
        return ("event: error\ndata: " + json.writeValueAsString(envelope(error, requestId)) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode envelope(GatewayException error, String requestId) {
        ObjectNode body = json.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type(error)).put("message", message(error));
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        return body;
    }

    /**
     * The message, led by the field it is about when the exception names one, as Anthropic's messages are
     * ("max_tokens: field required"): the Anthropic body has no {@code param} of its own.
     */
    private static String message(GatewayException error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        String param = error.param();
        if (param == null || param.isEmpty() || message.startsWith(param + ":")) {
            return message;
        }
        return param + ": " + message;
    }

    /**
     * The Anthropic {@code error.type} for an OpenAI-shape in-band stream error (its {@code type} and {@code code},
     * as the gateway's {@code ErrorKind}s write them).
     */
    static String typeForOpenAiError(String type, String code) {
        if (code != null) {
            switch (code) {
                case "not_found", "model_not_found" -> {
                    return "not_found_error";
                }
                case "request_too_large" -> {
                    return "request_too_large";
                }
                case "overloaded" -> {
                    return "overloaded_error";
                }
                default -> {
                    // the type decides
                }
            }
        }
        if (type == null) {
            return "api_error";
        }
        return switch (type) {
            case "invalid_request_error", "authentication_error", "permission_error", "not_found_error",
                 "rate_limit_error", "timeout_error", "overloaded_error", "request_too_large", "billing_error" -> type;
            case "insufficient_quota" -> "rate_limit_error";
            case "service_unavailable_error" -> "overloaded_error";
            default -> "api_error";
        };
    }
}
