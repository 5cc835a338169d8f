package dev.switchboard.edge.provider.anthropic;

import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CANDIDATE;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CLOCK;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.JSON;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.bytes;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.TokenUsage;
import dev.switchboard.edge.provider.TranslatedResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnthropicResponseTranslatorTests {

    private static final ChatRequest PLAIN =
            request("{'model':'claude-sonnet','messages':[{'role':'user','content':'hi'}]}");
    private static final ChatRequest JSON_MODE = request("{'model':'claude-sonnet','response_format':"
            + "{'type':'json_schema','json_schema':{'name':'weather','schema':{'type':'object'}}},"
            + "'messages':[{'role':'user','content':'hi'}]}");

    private final AnthropicAdapter adapter = new AnthropicAdapter(JSON, CLOCK);

    private JsonNode completion(String fixture, ChatRequest request) {
        return JSON.readTree(adapter.completion(bytes(fixture), request, CANDIDATE).body());
    }

    @Test
    void translatesATextAnswerIntoAChatCompletion() {
        JsonNode completion = completion("message-text.json", PLAIN);

        assertThat(completion).isEqualTo(JSON.readTree("""
                {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","object":"chat.completion","created":1767225600,
                 "model":"claude-sonnet-4-20250514",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi! My name is Claude.","refusal":null},
                             "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":2095,"completion_tokens":503,"total_tokens":2598,
                          "prompt_tokens_details":{"cached_tokens":0}}}
                """));
    }

    @Test
    void turnsToolUseBlocksIntoToolCallsWithJsonStringArguments() {
        JsonNode message = completion("message-tool-use.json", PLAIN).path("choices").path(0);

        assertThat(message.path("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(message.path("message").path("content").asString())
                .isEqualTo("I'll check the weather in both cities.");
        JsonNode calls = message.path("message").path("tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).isEqualTo(JSON.readTree("""
                {"id":"toolu_01A09q90qw90lq917835lq9","type":"function","function":{"name":"get_weather",
                 "arguments":"{\\"location\\":\\"San Francisco, CA\\",\\"unit\\":\\"celsius\\"}"}}
                """));
        assertThat(calls.get(1).path("function").path("arguments").isString()).isTrue();
        assertThat(JSON.readTree(calls.get(1).path("function").path("arguments").asString()))
                .isEqualTo(JSON.readTree("{\"location\":\"New York, NY\"}"));
    }

    @Test
    void leavesContentNullWhenTheAnswerIsOnlyToolCalls() {
        JsonNode message = completion("message-tool-only.json", PLAIN).path("choices").path(0).path("message");

        assertThat(message.path("content").isNull()).isTrue();
        assertThat(message.path("tool_calls").path(0).path("function").path("arguments").asString()).isEqualTo("{}");
    }

    @Test
    void dropsThinkingAndReportsCachedAndReasoningTokens() {
        TranslatedResponse response = adapter.completion(bytes("message-thinking-cached.json"), PLAIN, CANDIDATE);
        JsonNode completion = JSON.readTree(response.body());

        assertThat(completion.path("choices").path(0).path("message").path("content").asString())
                .isEqualTo("9.11 is smaller than 9.9.");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("digit by digit", "EmwKAhgB");
        assertThat(completion.path("choices").path(0).path("finish_reason").asString()).isEqualTo("length");
        assertThat(completion.path("usage")).isEqualTo(JSON.readTree("""
                {"prompt_tokens":4250,"completion_tokens":400,"total_tokens":4650,
                 "prompt_tokens_details":{"cached_tokens":3000},
                 "completion_tokens_details":{"reasoning_tokens":310}}
                """));
        assertThat(response.usage()).isEqualTo(new TokenUsage(4250, 3000, 400, 310, false));
    }

    @Test
    void handsTheForcedJsonToolCallBackAsContentThatStops() {
        JsonNode choice = completion("message-json-mode.json", JSON_MODE).path("choices").path(0);

        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(JSON.readTree(choice.path("message").path("content").asString()))
                .isEqualTo(JSON.readTree("{\"city\":\"Paris\",\"celsius\":21}"));
    }

    @Test
    void reportsARefusalAsAContentFilterStop() {
        JsonNode choice = completion("message-refusal.json", PLAIN).path("choices").path(0);

        assertThat(choice.path("finish_reason").asString()).isEqualTo("content_filter");
        assertThat(choice.path("message").path("content").asString()).isEmpty();
    }

    @Test
    void refusesAnAnswerThatIsNotAnAnthropicMessage() {
        assertThatThrownBy(() -> adapter.completion(bytes("error-bad-gateway.html"), PLAIN, CANDIDATE))
                .isInstanceOfSatisfying(GatewayException.class, error -> {
                    assertThat(error.status()).isEqualTo(502);
                    assertThat(error.code()).isEqualTo("provider_invalid_response");
                });
    }

    @Test
    void mapsEveryAnthropicStopReason() {
        assertThat(FinishReasons.toOpenAi("end_turn")).isEqualTo("stop");
        assertThat(FinishReasons.toOpenAi("stop_sequence")).isEqualTo("stop");
        assertThat(FinishReasons.toOpenAi("max_tokens")).isEqualTo("length");
        assertThat(FinishReasons.toOpenAi("model_context_window_exceeded")).isEqualTo("length");
        assertThat(FinishReasons.toOpenAi("tool_use")).isEqualTo("tool_calls");
        assertThat(FinishReasons.toOpenAi("refusal")).isEqualTo("content_filter");
        assertThat(FinishReasons.toOpenAi("pause_turn")).isEqualTo("stop");
        assertThat(FinishReasons.toOpenAi(null)).isEqualTo("stop");
        assertThat(FinishReasons.toOpenAiJson("tool_use")).isEqualTo("stop");
        assertThat(FinishReasons.toOpenAiJson("max_tokens")).isEqualTo("length");
    }
}
