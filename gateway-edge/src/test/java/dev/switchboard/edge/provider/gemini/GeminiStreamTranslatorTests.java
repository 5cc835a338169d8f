package dev.switchboard.edge.provider.gemini;

import static dev.switchboard.edge.provider.gemini.GeminiFixtures.ROUTE;
import static dev.switchboard.edge.provider.gemini.GeminiFixtures.chunks;
import static dev.switchboard.edge.provider.gemini.GeminiFixtures.events;
import static dev.switchboard.edge.provider.gemini.GeminiFixtures.replay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.provider.ChatStreamTranslator;
import dev.switchboard.edge.provider.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class GeminiStreamTranslatorTests {

    private static final String WITH_USAGE = "{\"model\":\"gemini-flash\",\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String WITHOUT_USAGE = "{\"model\":\"gemini-flash\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final GeminiAdapter adapter = new GeminiAdapter(GeminiFixtures.JSON);

    private ChatStreamTranslator translator(String request) {
        ChatRequest chat = GeminiFixtures.chat(request);
        return adapter.stream(chat, ROUTE);
    }

    private static String content(List<JsonNode> chunks) {
        return chunks.stream().map(chunk -> chunk.path("choices").path(0).path("delta").path("content").asString(""))
                .collect(Collectors.joining());
    }

    @Test
    void textStreamStartsWithTheRoleAndEndsWithFinishUsageAndDone() {
        ChatStreamTranslator translator = translator(WITH_USAGE);

        String sse = replay(translator, GeminiFixtures.bytes("stream-text.sse"), 1 << 16);

        List<String> events = events(sse);
        List<JsonNode> chunks = chunks(sse);
        JsonNode first = chunks.get(0);
        JsonNode finish = chunks.get(chunks.size() - 2);
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        assertThat(first.path("object").stringValue()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("id").stringValue()).isEqualTo("chatcmpl-IZI2acSKMoWl0-kPmYj2yQc");
        assertThat(first.path("model").stringValue()).isEqualTo("gemini-2.5-flash");
        assertThat(first.path("choices").get(0).path("delta").path("role").stringValue()).isEqualTo("assistant");
        assertThat(content(chunks)).isEqualTo(
                "The capital of France is Paris. Its café culture — “le petit noir” — is famous.");
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.path("id")).isEqualTo(first.path("id")));
        assertThat(finish.path("choices").get(0).path("finish_reason").stringValue()).isEqualTo("stop");
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(61);
        assertThat(usage.path("usage").path("completion_tokens_details").path("reasoning_tokens").asInt())
                .isEqualTo(40);
        assertThat(translator.usage()).isEqualTo(new TokenUsage(12, 0, 61, 40, false));
        assertThat(translator.errorType()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 64, 397})
    void splitReadsGiveTheSameEvents(int readSize) {
        String whole = replay(translator(WITH_USAGE), GeminiFixtures.bytes("stream-text.sse"), 1 << 16);

        String split = replay(translator(WITH_USAGE), GeminiFixtures.bytes("stream-text.sse"), readSize);

        assertThat(normalized(split)).isEqualTo(normalized(whole));
    }

    @Test
    void usageChunkIsLeftOutWhenNotWantedButUsageIsStillKept() {
        ChatStreamTranslator translator = translator(WITHOUT_USAGE);

        String sse = replay(translator, GeminiFixtures.bytes("stream-text.sse"), 100);

        assertThat(chunks(sse)).noneSatisfy(chunk -> assertThat(chunk.has("usage")).isTrue());
        assertThat(events(sse).get(events(sse).size() - 1)).isEqualTo("[DONE]");
        assertThat(translator.usage().outputTokens()).isEqualTo(61);
    }

    @Test
    void thoughtPartsAreNotRelayedButTheirTokensAreBilled() {
        ChatStreamTranslator translator = translator(WITH_USAGE);

        String sse = replay(translator, GeminiFixtures.bytes("stream-thoughts.sse"), 50);

        assertThat(content(chunks(sse))).isEqualTo("Autumn moonlight—\na worm digs silently\ninto the chestnut.");
        assertThat(sse).doesNotContain("Planning");
        assertThat(translator.usage()).isEqualTo(new TokenUsage(8, 0, 247, 230, false));
    }

    @Test
    void eachFunctionCallIsOneWholeToolCallDeltaAndTheFinishIsToolCalls() {
        ChatStreamTranslator translator = translator(WITHOUT_USAGE);

        String sse = replay(translator, GeminiFixtures.bytes("stream-function-calls.sse"), 33);

        List<JsonNode> calls = chunks(sse).stream()
                .filter(chunk -> chunk.path("choices").path(0).path("delta").has("tool_calls"))
                .map(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls").get(0)).toList();
        JsonNode last = chunks(sse).get(chunks(sse).size() - 1);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("index").asInt()).isZero();
        assertThat(calls.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(calls.get(0).path("id").stringValue()).startsWith("call_");
        assertThat(calls.get(0).path("type").stringValue()).isEqualTo("function");
        assertThat(calls.get(1).path("function").path("name").stringValue()).isEqualTo("getWeather");
        assertThat(calls.get(1).path("function").path("arguments").stringValue())
                .isEqualTo("{\"location\":\"Kyoto\",\"days\":3}");
        assertThat(content(chunks(sse))).isEqualTo("Let me check both cities.");
        assertThat(last.path("choices").get(0).path("finish_reason").stringValue()).isEqualTo("tool_calls");
    }

    @Test
    void countsTheTextAndArgumentsRelayedSoFar() {
        ChatStreamTranslator translator = translator(WITHOUT_USAGE);
        replay(translator, GeminiFixtures.bytes("stream-function-calls.sse"), 1 << 16);

        long characters = translator.countOutputTokens(String::length);

        assertThat(characters).isEqualTo("Let me check both cities.".length()
                + "{\"location\":\"Tokyo\"}".length() + "{\"location\":\"Kyoto\",\"days\":3}".length());
    }

    @Test
    void safetyStopMidStreamIsAContentFilterFinish() {
        String sse = replay(translator(WITHOUT_USAGE), GeminiFixtures.bytes("stream-safety.sse"), 1 << 16);

        List<JsonNode> chunks = chunks(sse);
        assertThat(content(chunks)).isEqualTo("Here is how");
        assertThat(chunks.get(chunks.size() - 1).path("choices").get(0).path("finish_reason").stringValue())
                .isEqualTo("content_filter");
    }

    @Test
    void aBlockedPromptStreamsAnEmptyContentFilteredAnswer() {
        ChatStreamTranslator translator = translator(WITH_USAGE);

        String sse = replay(translator, GeminiFixtures.bytes("stream-blocked-prompt.sse"), 1 << 16);

        List<JsonNode> chunks = chunks(sse);
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").stringValue())
                .isEqualTo("assistant");
        assertThat(chunks.get(1).path("choices").get(0).path("finish_reason").stringValue())
                .isEqualTo("content_filter");
        assertThat(chunks.get(2).path("usage").path("prompt_tokens").asInt()).isEqualTo(19);
        assertThat(events(sse)).endsWith("[DONE]");
    }

    @Test
    void anInBandErrorBecomesAnOpenAiErrorEventAndEndsTheStream() {
        ChatStreamTranslator translator = translator(WITH_USAGE);

        String sse = replay(translator, GeminiFixtures.bytes("stream-error.sse"), 1 << 16);

        List<String> events = events(sse);
        JsonNode error = GeminiFixtures.JSON.readTree(events.get(events.size() - 1)).path("error");
        assertThat(events).doesNotContain("[DONE]");
        assertThat(error.path("type").stringValue()).isEqualTo("service_unavailable_error");
        assertThat(error.path("code").stringValue()).isEqualTo("overloaded");
        assertThat(error.path("message").stringValue()).isEqualTo("The model is overloaded. Please try again later.");
        assertThat(translator.errorType()).isEqualTo("service_unavailable_error");
        assertThat(translator.countOutputTokens(String::length)).isEqualTo("Partial answer".length());
    }

    @Test
    void aMalformedEventIsAServerErrorEvent() {
        ChatStreamTranslator translator = translator(WITHOUT_USAGE);
        byte[] broken = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\n\n"
                .getBytes(StandardCharsets.UTF_8);

        String sse = replay(translator, broken, 1 << 16);

        assertThat(translator.errorType()).isEqualTo("server_error");
        assertThat(events(sse)).hasSize(1).noneMatch(event -> event.equals("[DONE]"));
    }

    @Test
    void commentsAndEmptyEventsAreIgnored() {
        ChatStreamTranslator translator = translator(WITHOUT_USAGE);

        String sse = replay(translator, ": keep-alive\r\n\r\n".getBytes(StandardCharsets.UTF_8), 1 << 16);

        assertThat(events(sse)).containsExactly("[DONE]");
        assertThat(translator.usage()).isNull();
    }

    /** Two translations of one stream differ only in their creation second. */
    private static String normalized(String sse) {
        return sse.replaceAll("\"created\":\\d+", "\"created\":0");
    }
}
