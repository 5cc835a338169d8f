package dev.switchboard.mockprovider.answer;

import dev.switchboard.mockprovider.http.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerGeneratorTests {

    private static ChatRequest request(String userText, Integer cap) {
        return new ChatRequest("m", List.of(userText), userText, cap, false, false, null);
    }

    @Test
    void sameLastUserMessageGivesSameAnswer() {
        assertThat(AnswerGenerator.answer(request("What is a river?", null), null).text())
                .isEqualTo(AnswerGenerator.answer(request("What is a river?", null), null).text());
    }

    @Test
    void differentLastUserMessageGivesDifferentAnswer() {
        assertThat(AnswerGenerator.answer(request("What is a river?", null), null).text())
                .isNotEqualTo(AnswerGenerator.answer(request("What is a lake?", null), null).text());
    }

    @Test
    void defaultAnswerIs24TokensAndNotTruncated() {
        Answer answer = AnswerGenerator.answer(request("hello", null), null);

        assertThat(answer.tokens()).isEqualTo(24);
        assertThat(TokenCounter.count(answer.text())).isEqualTo(24);
        assertThat(answer.truncated()).isFalse();
    }

    @Test
    void requestedLengthIsHonored() {
        assertThat(AnswerGenerator.answer(request("hello", null), 500).tokens()).isEqualTo(500);
        assertThat(AnswerGenerator.answer(request("hello", null), 0).text()).isEmpty();
    }

    @Test
    void outputCapTruncatesAndFlagsIt() {
        Answer answer = AnswerGenerator.answer(request("hello", 5), 24);

        assertThat(answer.pieces()).hasSize(5);
        assertThat(answer.truncated()).isTrue();
    }

    @Test
    void everyPrefixOfTheAnswerRetokenizesToItsChunkCount() {
        for (String seed : List.of("a", "b", "Tell me a story", "42", "ünïcödé")) {
            List<String> pieces = AnswerGenerator.answer(request(seed, null), 60).pieces();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < pieces.size(); i++) {
                prefix.append(pieces.get(i));
                assertThat(TokenCounter.count(prefix.toString())).as("prefix of %s tokens for '%s'", i + 1, seed)
                        .isEqualTo(i + 1);
            }
        }
    }

    @Test
    void forcedToolGetsArgumentsForEveryDeclaredProperty() {
        JsonNode schema = Json.parse("""
                {"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"},
                 "unit":{"type":"string","enum":["C","F"]},"exact":{"type":"BOOLEAN"}}}""");
        ChatRequest request = new ChatRequest("m", List.of("x"), "x", 2, false, false,
                new ForcedTool("get_weather", schema));

        Answer answer = AnswerGenerator.answer(request, null);
        JsonNode args = Json.parse(answer.text());

        assertThat(answer.toolName()).isEqualTo("get_weather");
        assertThat(answer.truncated()).isFalse();
        assertThat(args.get("city").isString()).isTrue();
        assertThat(args.get("days").isIntegralNumber()).isTrue();
        assertThat(args.get("unit").stringValue()).isIn("C", "F");
        assertThat(args.get("exact").asBoolean()).isTrue();
        assertThat(answer.tokens()).isEqualTo(TokenCounter.count("get_weather") + TokenCounter.count(answer.text()));
    }

    @Test
    void promptTokensSumEachTextSeparately() {
        ChatRequest request = new ChatRequest("m", List.of("You are terse.", "Hello there"), "Hello there", null,
                false, false, null);

        assertThat(request.promptTokens())
                .isEqualTo(TokenCounter.count("You are terse.") + TokenCounter.count("Hello there"));
    }
}
