package dev.switchboard.edge.provider.openai;

import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.RetryAfter;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classifies errors of OpenAI-format servers: OpenAI's {@code {"error":{message,type,param,code}}}, vLLM's integer
 * codes and older flat {@code {"object":"error",...}} bodies, and Ollama's {@code {"error":"text"}}.
 */
final class OpenAiErrorMapper {

    private static final int MAX_MESSAGE = 1000;

    private final JsonMapper json;

    OpenAiErrorMapper(JsonMapper json) {
        this.json = json;
    }

    GatewayException error(int status, HttpHeaders headers, byte[] body) {
        JsonNode root = parse(body);
        JsonNode error = root.path("error").isObject() ? root.path("error") : root;
        String message = error.path("message").isString() ? error.path("message").stringValue()
                : root.path("error").isString() ? root.path("error").stringValue() : null;
        String code = error.path("code").isString() ? error.path("code").stringValue() : null;
        ErrorKind kind = kind(status, code, message);
        if (kind == ErrorKind.AUTHENTICATION || kind == ErrorKind.PERMISSION) {
            // the provider's text may quote the credential it refused
            return kind.exception("The provider refused the gateway's credential.", 0);
        }
        String shown = message == null || message.isBlank() ? "The provider answered " + status + "."
                : message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        return kind.exception(shown, RetryAfter.seconds(headers));
    }

    private static ErrorKind kind(int status, String code, String message) {
        if ("context_length_exceeded".equals(code)
                || (status == 400 && message != null
                    && message.toLowerCase(Locale.ROOT).contains("maximum context length"))) {
            return ErrorKind.CONTEXT_LENGTH;
        }
        if ("content_filter".equals(code) || "content_policy_violation".equals(code)) {
            return ErrorKind.CONTENT_FILTER;
        }
        return ErrorKind.ofStatus(status);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.missingNode() : json.readTree(body);
        } catch (JacksonException notJson) {
            return json.missingNode();
        }
    }
}
