package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.edge.api.GatewayException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Chat request bodies for validation tests, and the assertions they share. */
final class ChatBodies {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatBodies() {
    }

    /** A minimal valid request plus the given top-level fields (a JSON fragment without braces). */
    static ObjectNode withFields(String fields) {
        String extra = fields.isBlank() ? "" : "," + fields;
        return parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extra + "}");
    }

    /** A request whose messages are the given JSON array. */
    static ObjectNode withMessages(String messages) {
        return parse("{\"model\":\"m\",\"messages\":" + messages + "}");
    }

    static ObjectNode parse(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    static ChatRequest accepted(ObjectNode body) {
        return ChatRequest.from(body);
    }

    /** Asserts the body is refused with an OpenAI-shaped 400 naming {@code param}; returns the failure. */
    static GatewayException rejected(ObjectNode body, String param) {
        return rejected(body, param, ChatRequestLimits.DEFAULTS);
    }

    static GatewayException rejected(ObjectNode body, String param, ChatRequestLimits limits) {
        GatewayException failure = catchThrowableOfType(GatewayException.class, () -> ChatRequest.from(body, limits));
        assertThat(failure).as("expected a 400 for %s", body).isNotNull();
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.type()).isEqualTo("invalid_request_error");
        assertThat(failure.param()).as(failure.getMessage()).isEqualTo(param);
        assertThat(failure.getMessage()).isNotBlank();
        return failure;
    }
}
