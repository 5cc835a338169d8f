package dev.switchboard.edge.provider.gemini;

import static dev.switchboard.edge.provider.gemini.GeminiFixtures.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.TokenUsage;
import dev.switchboard.edge.provider.TranslatedResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeminiResponseTranslatorTests {

    private final GeminiAdapter adapter = new GeminiAdapter(GeminiFixtures.JSON);
    private final ChatRequest request = GeminiFixtures.chat(
            "{\"model\":\"gemini-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    private TranslatedResponse translate(String fixture) {
        return adapter.completion(GeminiFixtures.bytes(fixture), request, ROUTE);
    }

    private static JsonNode body(TranslatedResponse response) {
        return GeminiFixtures.json(response.body());
    }

    @Test
    void joinsTextPartsAndLeavesThoughtSummariesOut() {
        JsonNode completion = body(translate("generate-text.json"));
        JsonNode choice = completion.path("choices").get(0);

        assertThat(completion.path("object").stringValue()).isEqualTo("chat.completion");
        assertThat(completion.path("id").stringValue()).isEqualTo("chatcmpl-Xk9baP2iN5mFz7IPwYuK8AQ");
        assertThat(completion.path("model").stringValue()).isEqualTo("gemini-2.5-flash");
        assertThat(completion.path("created").asLong()).isPositive();
        assertThat(choice.path("message").path("role").stringValue()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").stringValue()).isEqualTo("The capital of France is Paris.");
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(choice.path("finish_reason").stringValue()).isEqualTo("stop");
    }

    @Test
    void countsThoughtsAsCompletionAndCachedContentAsCachedPrompt() {
        TranslatedResponse response = translate("generate-text.json");
        JsonNode usage = body(response).path("usage");

        assertThat(response.usage()).isEqualTo(new TokenUsage(1042, 1024, 71, 64, false));
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(1042);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(71);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(1113);
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(1024);
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(64);
    }

    @Test
    void functionCallsBecomeToolCallsWithSynthesizedIdsAndStringArguments() {
        TranslatedResponse response = translate("generate-function-calls.json");
        JsonNode choice = body(response).path("choices").get(0);
        JsonNode calls = choice.path("message").path("tool_calls");

        assertThat(choice.path("finish_reason").stringValue()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("id").stringValue()).matches("call_[A-Za-z0-9]{24}");
        assertThat(calls.get(1).path("id").stringValue()).isNotEqualTo(calls.get(0).path("id").stringValue());
        assertThat(calls.get(0).path("type").stringValue()).isEqualTo("function");
        assertThat(calls.get(0).path("function").path("name").stringValue()).isEqualTo("get_weather");
        assertThat(GeminiFixtures.JSON.readTree(calls.get(0).path("function").path("arguments").stringValue()))
                .isEqualTo(GeminiFixtures.JSON.readTree("{\"location\":\"Paris\",\"unit\":\"celsius\"}"));
        // tool-use prompt tokens are prompt tokens
        assertThat(response.usage()).isEqualTo(new TokenUsage(108, 0, 103, 72, false));
    }

    @Test
    void keepsAnIdGeminiGave() {
        String body = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":"
                + "{\"id\":\"fc_7\",\"name\":\"f\",\"args\":{}}}]},\"finishReason\":\"STOP\"}]}";

        JsonNode call = GeminiFixtures.json(adapter.completion(body.getBytes(StandardCharsets.UTF_8), request, ROUTE)
                .body()).path("choices").get(0).path("message").path("tool_calls").get(0);

        assertThat(call.path("id").stringValue()).isEqualTo("fc_7");
        assertThat(call.path("function").path("arguments").stringValue()).isEqualTo("{}");
    }

    @Test
    void oneChoicePerCandidateWithLogprobs() {
        JsonNode choices = body(translate("generate-two-candidates-logprobs.json")).path("choices");

        assertThat(choices).hasSize(2);
        assertThat(choices.get(0).path("index").asInt()).isZero();
        assertThat(choices.get(0).path("message").path("content").stringValue()).isEqualTo("Hi");
        assertThat(choices.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(choices.get(1).path("finish_reason").stringValue()).isEqualTo("length");
        JsonNode token = choices.get(1).path("logprobs").path("content").get(0);
        assertThat(token.path("token").stringValue()).isEqualTo("Hello");
        assertThat(token.path("logprob").asDouble()).isEqualTo(-2.68);
        assertThat(token.path("bytes")).hasSize(5);
        assertThat(token.path("top_logprobs")).hasSize(2);
        assertThat(token.path("top_logprobs").get(0).path("token").stringValue()).isEqualTo("Hi");
    }

    @Test
    void safetyStopIsAContentFilterWithEmptyContent() {
        TranslatedResponse response = translate("generate-safety.json");
        JsonNode choice = body(response).path("choices").get(0);

        assertThat(choice.path("finish_reason").stringValue()).isEqualTo("content_filter");
        assertThat(choice.path("message").path("content").stringValue()).isEmpty();
        assertThat(response.usage()).isEqualTo(new TokenUsage(18, 0, 0, 0, false));
    }

    @Test
    void aBlockedPromptIsAnEmptyContentFilteredAnswer() {
        TranslatedResponse response = translate("generate-blocked-prompt.json");
        JsonNode choices = body(response).path("choices");

        assertThat(choices).hasSize(1);
        assertThat(choices.get(0).path("finish_reason").stringValue()).isEqualTo("content_filter");
        assertThat(choices.get(0).path("message").path("content").stringValue()).isEmpty();
        assertThat(response.usage().inputTokens()).isEqualTo(23);
    }

    @Test
    void maxTokensIsLength() {
        JsonNode choice = body(translate("generate-max-tokens.json")).path("choices").get(0);

        assertThat(choice.path("finish_reason").stringValue()).isEqualTo("length");
        assertThat(choice.path("message").path("content").stringValue()).isEqualTo("Once upon a time, in a valley");
    }

    @Test
    void withoutModelVersionTheUpstreamModelNamesTheAnswerAndUsageIsUnknown() {
        String body = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\"}]},"
                + "\"finishReason\":\"STOP\"}]}";

        TranslatedResponse response = adapter.completion(body.getBytes(StandardCharsets.UTF_8), request, ROUTE);

        assertThat(body(response).path("model").stringValue()).isEqualTo("gemini-2.5-flash");
        assertThat(body(response).has("usage")).isFalse();
        assertThat(response.usage()).isNull();
    }

    @Test
    void anUnreadableBodyIsAServerError() {
        assertThatThrownBy(() -> adapter.completion("<html>".getBytes(StandardCharsets.UTF_8), request, ROUTE))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(500));
    }
}
