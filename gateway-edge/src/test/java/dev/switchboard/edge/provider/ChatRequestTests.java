package dev.switchboard.edge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ChatRequestTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private ChatRequest parse(String body) {
        return ChatRequest.from((ObjectNode) json.readTree(body));
    }

    private void assertRejected(String body, String param) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.param()).isEqualTo(param);
                });
    }

    @Test
    void readsTheFieldsTheGatewayActsOn() {
        ChatRequest request = parse("""
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"stream":true,
                 "stream_options":{"include_usage":true},"max_tokens":50,"max_completion_tokens":70,
                 "user":"u-1","metadata":{"project":"apollo"}}""");

        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.stream()).isTrue();
        assertThat(request.streamUsageWanted()).isTrue();
        assertThat(request.maxOutputTokens()).isEqualTo(70);
        assertThat(request.user()).isEqualTo("u-1");
        assertThat(request.metadata()).containsEntry("project", "apollo");
    }

    @Test
    void doesNotCountUsageAsRequestedWithoutStreaming() {
        ChatRequest request = parse("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"stream_options":{"include_usage":true}}""");

        assertThat(request.stream()).isFalse();
        assertThat(request.streamUsageWanted()).isFalse();
    }

    @Test
    void rejectsMissingModel() {
        assertRejected("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "model");
    }

    @Test
    void rejectsEmptyMessages() {
        assertRejected("{\"model\":\"m\",\"messages\":[]}", "messages");
    }

    @Test
    void rejectsMessageWithoutRole() {
        assertRejected("{\"model\":\"m\",\"messages\":[{\"content\":\"hi\"}]}", "messages");
    }

    @Test
    void rejectsNonBooleanStream() {
        assertRejected("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":\"yes\"}", "stream");
    }

    @Test
    void rejectsNonPositiveMaxTokens() {
        assertRejected("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}", "max_tokens");
    }

    @Test
    void rejectsNonStringMetadata() {
        assertRejected("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"metadata\":{\"a\":1}}", "metadata");
    }
}
