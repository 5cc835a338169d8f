package dev.switchboard.mockprovider.anthropic;

import dev.switchboard.mockprovider.MockProviderExtension;
import dev.switchboard.mockprovider.MockProviderSettings;
import dev.switchboard.mockprovider.RawHttp;
import dev.switchboard.mockprovider.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Anthropic's bytes on the wire: event names and order, error shape, header-based auth. */
class AnthropicWireFormatIntegrationTests {

    @RegisterExtension
    static final MockProviderExtension mock = new MockProviderExtension();

    private static HttpResponse<String> messages(String body, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of("x-api-key", MockProviderSettings.DEFAULT_ANTHROPIC_KEY,
                "anthropic-version", "2023-06-01", "content-type", "application/json"));
        Collections.addAll(headers, extraHeaders);
        return RawHttp.post(mock.baseUrl() + "/v1/messages", body, headers.toArray(String[]::new));
    }

    @Test
    void streamSendsNamedEventsInTheRealOrder() {
        HttpResponse<String> response = messages("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"stream":true,
                 "messages":[{"role":"user","content":"hi"}]}""", "x-mock-answer-tokens", "2");

        List<String> names = RawHttp.sseEvents(response.body());
        List<String> data = RawHttp.sseData(response.body());
        assertThat(response.headers().firstValue("request-id")).hasValueSatisfying(id ->
                assertThat(id).startsWith("req_"));
        assertThat(names).containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        for (int i = 0; i < names.size(); i++) {
            assertThat(Json.parse(data.get(i)).get("type").stringValue()).isEqualTo(names.get(i));
        }
        assertThat(response.body()).doesNotContain("[DONE]");
        JsonNode start = Json.parse(data.get(0)).get("message");
        assertThat(start.get("stop_reason").isNull()).isTrue();
        assertThat(start.get("content")).isEmpty();
        JsonNode delta = Json.parse(data.get(6));
        assertThat(delta.get("delta").get("stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(delta.get("usage").get("output_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void streamedToolUseSendsInputJsonDeltas() {
        HttpResponse<String> response = messages("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"stream":true,
                 "tools":[{"name":"lookup","input_schema":{"type":"object","properties":{"q":{"type":"string"}}}}],
                 "tool_choice":{"type":"tool","name":"lookup"},
                 "messages":[{"role":"user","content":"find it"}]}""");

        List<JsonNode> data = RawHttp.sseData(response.body()).stream().map(Json::parse).toList();
        JsonNode block = data.get(1).get("content_block");
        String json = data.stream().filter(d -> d.get("type").stringValue().equals("content_block_delta"))
                .map(d -> d.get("delta").get("partial_json").stringValue()).reduce("", String::concat);
        assertThat(block.get("type").stringValue()).isEqualTo("tool_use");
        assertThat(block.get("name").stringValue()).isEqualTo("lookup");
        assertThat(Json.parse(json).get("q").isString()).isTrue();
        assertThat(mock.ledger().lastGeneration().orElseThrow().text()).isEqualTo(json);
    }

    @Test
    void missingMaxTokensIs400InvalidRequestError() {
        HttpResponse<String> response = messages("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]}""");

        JsonNode body = Json.parse(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.get("type").stringValue()).isEqualTo("error");
        assertThat(body.get("error").get("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(body.get("error").get("message").stringValue()).isEqualTo("max_tokens: Field required");
        assertThat(body.get("request_id").stringValue()).isEqualTo(response.headers().firstValue("request-id")
                .orElseThrow());
    }

    @Test
    void wrongXApiKeyIs401() {
        HttpResponse<String> response = RawHttp.post(mock.baseUrl() + "/v1/messages",
                "{\"model\":\"c\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", "sk-ant-wrong", "anthropic-version", "2023-06-01");

        JsonNode body = Json.parse(response.body());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body.get("error").get("type").stringValue()).isEqualTo("authentication_error");
        assertThat(body.get("error").get("message").stringValue()).isEqualTo("invalid x-api-key");
        assertThat(body.get("request_id").stringValue()).startsWith("req_");
    }

    @Test
    void modelsAnswerInAnthropicShapeWhenAskedWithAnthropicHeaders() {
        HttpResponse<String> response = RawHttp.get(mock.baseUrl() + "/v1/models",
                "x-api-key", MockProviderSettings.DEFAULT_ANTHROPIC_KEY, "anthropic-version", "2023-06-01");

        JsonNode body = Json.parse(response.body());
        assertThat(body.get("data").get(0).get("type").stringValue()).isEqualTo("model");
        assertThat(body.get("has_more").asBoolean()).isFalse();
        assertThat(body.get("first_id").stringValue()).isEqualTo(body.get("data").get(0).get("id").stringValue());
    }
}
