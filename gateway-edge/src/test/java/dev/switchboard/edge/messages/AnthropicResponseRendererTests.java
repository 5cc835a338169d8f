package dev.switchboard.edge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.provider.ChatRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class AnthropicResponseRendererTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AnthropicResponseRenderer renderer = new AnthropicResponseRenderer(json);

    private JsonNode render(String completion) {
        return json.readTree(renderer.render(completion.getBytes(StandardCharsets.UTF_8), "claude-sonnet-4-5"));
    }

    private static String completion(String message, String finishReason) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o",
                 "choices":[{"index":0,"message":%s,"logprobs":null,"finish_reason":%s}],
                 "usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}""".formatted(message, finishReason);
    }

    @Test
    void rendersATextCompletionAsAMessageWithTheRequestedModel() {
        JsonNode message = json.readTree(renderer.render(Fixtures.bytes("openai/completion-text.json"),
                "claude-sonnet-4-5"));

        assertThat(message).isEqualTo(json.readTree(Fixtures.bytes("anthropic/message-text.json")));
    }

    @Test
    void rendersToolCallsAsToolUseBlocksAfterTheTextAndSplitsCachedInput() {
        JsonNode message = json.readTree(renderer.render(Fixtures.bytes("openai/completion-tool-calls.json"),
                "claude-sonnet-4-5"));

        assertThat(message).isEqualTo(json.readTree(Fixtures.bytes("anthropic/message-tool-use.json")));
    }

    @Test
    void rendersARefusalAsTextWithTheRefusalStopReason() {
        JsonNode message = json.readTree(renderer.render(Fixtures.bytes("openai/completion-refusal.json"),
                "claude-sonnet-4-5"));

        assertThat(message.get("content")).isEqualTo(json.readTree("""
                [{"type":"text","text":"I'm sorry, I can't help with that request."}]"""));
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("refusal");
        assertThat(message.at("/usage/output_tokens").asLong()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "\"stop\", end_turn",
        "\"length\", max_tokens",
        "\"tool_calls\", tool_use",
        "\"function_call\", tool_use",
        "\"content_filter\", refusal",
        "null, end_turn"
    })
    void mapsTheFinishReasonToAStopReason(String finishReason, String stopReason) {
        JsonNode message = render(completion("{\"role\":\"assistant\",\"content\":\"x\"}", finishReason));

        assertThat(message.get("stop_reason").stringValue()).isEqualTo(stopReason);
        assertThat(message.get("stop_sequence").isNull()).isTrue();
    }

    @Test
    void givesAnEmptyInputToArgumentsThatAreNotAJsonObject() {
        JsonNode message = render(completion("""
                {"role":"assistant","content":null,"tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"f","arguments":"{\\"loc"}},
                  {"id":"call_2","type":"function","function":{"name":"g","arguments":""}},
                  {"id":"call_3","type":"function","function":{"name":"h","arguments":"[1,2]"}}]}""", "\"length\""));

        assertThat(message.get("content")).extracting(block -> block.get("input"))
                .containsOnly(json.createObjectNode());
        assertThat(message.get("content")).extracting(block -> block.get("id").stringValue())
                .containsExactly("call_1", "call_2", "call_3");
    }

    @Test
    void makesUpIdsTheCompletionLacks() {
        JsonNode message = render("""
                {"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"",
                 "tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]},
                 "finish_reason":"tool_calls"}]}""");

        assertThat(message.get("id").stringValue()).matches("msg_[0-9a-f]{32}");
        assertThat(message.at("/content/0/id").stringValue()).matches("toolu_[0-9a-f]{32}");
        assertThat(message.get("content")).hasSize(1);
        assertThat(message.get("usage")).isEqualTo(json.readTree("""
                {"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}"""));
    }

    @Test
    void joinsTextPartsOfAnArrayContent() {
        JsonNode message = render(completion("""
                {"role":"assistant","content":[{"type":"text","text":"Hel"},{"type":"text","text":"lo"}]}""",
                "\"stop\""));

        assertThat(message.get("content")).isEqualTo(json.readTree("[{\"type\":\"text\",\"text\":\"Hello\"}]"));
    }

    @Test
    void derivesTheMessageIdFromTheCompletionId() {
        assertThat(AnthropicResponseRenderer.messageId("chatcmpl-abc123")).isEqualTo("msg_abc123");
        assertThat(AnthropicResponseRenderer.messageId("msg_01XFDUDYJgAACzvnptvVoYEL"))
                .isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(AnthropicResponseRenderer.messageId("gen-42")).isEqualTo("msg_gen-42");
    }

    /**
     * The client sends the rendered tool_use blocks back with its tool_results; the next canonical request must
     * carry the same call ids, names and arguments the provider produced.
     */
    @Test
    void roundTripsToolCallsThroughTheClientsNextRequest() {
        JsonNode completion = json.readTree(Fixtures.bytes("openai/completion-tool-calls.json"));
        JsonNode rendered = json.readTree(renderer.render(Fixtures.bytes("openai/completion-tool-calls.json"),
                "claude-sonnet-4-5"));
        ObjectNode next = json.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
        ArrayNode messages = next.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Weather and time in SF?");
        messages.addObject().put("role", "assistant").set("content", rendered.get("content"));
        ArrayNode results = messages.addObject().put("role", "user").putArray("content");
        for (JsonNode block : rendered.get("content")) {
            if (block.get("type").stringValue().equals("tool_use")) {
                results.addObject().put("type", "tool_result").put("tool_use_id", block.get("id").stringValue())
                        .put("content", "ok");
            }
        }

        ChatRequest request = new AnthropicRequestTranslator(json).translate(next);

        JsonNode original = completion.at("/choices/0/message/tool_calls");
        JsonNode carried = request.messages().get(1).get("tool_calls");
        assertThat(carried).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(carried.get(i).get("id")).isEqualTo(original.get(i).get("id"));
            assertThat(carried.get(i).at("/function/name")).isEqualTo(original.get(i).at("/function/name"));
            assertThat(json.readTree(carried.get(i).at("/function/arguments").stringValue()))
                    .isEqualTo(json.readTree(original.get(i).at("/function/arguments").stringValue()));
            assertThat(request.messages().get(2 + i).get("tool_call_id")).isEqualTo(original.get(i).get("id"));
        }
        assertThat(request.messages().get(1).get("content").stringValue())
                .isEqualTo(completion.at("/choices/0/message/content").stringValue());
    }
}
