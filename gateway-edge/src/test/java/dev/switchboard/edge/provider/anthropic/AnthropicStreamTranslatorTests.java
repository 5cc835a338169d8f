package dev.switchboard.edge.provider.anthropic;

import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CANDIDATE;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CLOCK;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.bytes;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.events;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.replay;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.provider.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class AnthropicStreamTranslatorTests {

    private static final String STREAM_WITH_USAGE =
            "{'model':'claude-sonnet','stream':true,'stream_options':{'include_usage':true},"
                    + "'messages':[{'role':'user','content':'hi'}]}";
    private static final String STREAM_WITHOUT_USAGE =
            "{'model':'claude-sonnet','stream':true,'messages':[{'role':'user','content':'hi'}]}";
    private static final String STREAM_JSON_MODE =
            "{'model':'claude-sonnet','stream':true,'stream_options':{'include_usage':true},"
                    + "'response_format':{'type':'json_object'},'messages':[{'role':'user','content':'hi'}]}";

    private final AnthropicAdapter adapter = new AnthropicAdapter(AnthropicFixtures.JSON, CLOCK);

    private AnthropicStreamTranslator translator(String request) {
        return (AnthropicStreamTranslator) adapter.stream(request(request), CANDIDATE);
    }

    private static List<Object> expected(String name) {
        return events(new String(bytes("openai/" + name), StandardCharsets.UTF_8));
    }

    @Test
    void translatesATextStreamChunkByChunk() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);

        String out = replay(translator, bytes("stream-text.sse"), Integer.MAX_VALUE, true);

        assertThat(events(out)).containsExactlyElementsOf(expected("stream-text.sse"));
        assertThat(translator.usage()).isEqualTo(new TokenUsage(11, 0, 6, 0, false));
        assertThat(translator.errorType()).isNull();
    }

    @Test
    void givesToolCallsContiguousOpenAiIndexesNotAnthropicBlockIndexes() {
        String out = replay(translator(STREAM_WITH_USAGE), bytes("stream-tool-use.sse"), Integer.MAX_VALUE, true);

        assertThat(events(out)).containsExactlyElementsOf(expected("stream-tool-use.sse"));
        assertThat(toolIndexes(events(out))).containsExactly(0, 0, 0, 1, 1, 1);
    }

    @Test
    void dropsThinkingAndCountsItsTokensAsReasoning() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);

        String out = replay(translator, bytes("stream-thinking.sse"), Integer.MAX_VALUE, true);

        assertThat(events(out)).containsExactlyElementsOf(expected("stream-thinking.sse"));
        assertThat(out).doesNotContain("thinking", "EqQBCgIYAhIM");
        assertThat(translator.usage()).isEqualTo(new TokenUsage(35 + 120 + 2048, 2048, 148, 97, false));
    }

    @Test
    void handsAForcedJsonToolCallBackAsPlainContentThatStops() {
        String out = replay(translator(STREAM_JSON_MODE), bytes("stream-json-mode.sse"), Integer.MAX_VALUE, true);

        assertThat(events(out)).containsExactlyElementsOf(expected("stream-json-mode.sse"));
        assertThat(out).doesNotContain("tool_calls", "json_response");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 333})
    void translatesTheSameWhateverTheReadBoundaries(int readSize) {
        for (String fixture : List.of("stream-text.sse", "stream-tool-use.sse", "stream-thinking.sse")) {
            String whole = replay(translator(STREAM_WITH_USAGE), bytes(fixture), Integer.MAX_VALUE, true);
            String split = replay(translator(STREAM_WITH_USAGE), bytes(fixture), readSize, true);

            assertThat(split).as(fixture).isEqualTo(whole);
        }
    }

    @Test
    void understandsCarriageReturnLineEndings() {
        byte[] crlf = new String(bytes("stream-tool-use.sse"), StandardCharsets.UTF_8).replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);

        String out = replay(translator(STREAM_WITH_USAGE), crlf, 5, true);

        assertThat(events(out)).containsExactlyElementsOf(expected("stream-tool-use.sse"));
    }

    @Test
    void leavesTheUsageChunkOutWhenTheClientDidNotAskForIt() {
        AnthropicStreamTranslator translator = translator(STREAM_WITHOUT_USAGE);

        List<Object> events = events(replay(translator, bytes("stream-tool-use.sse"), Integer.MAX_VALUE, true));

        List<Object> withUsage = expected("stream-tool-use.sse");
        assertThat(events).hasSize(withUsage.size() - 1);
        assertThat(events).noneMatch(event -> event instanceof JsonNode node && node.has("usage"));
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        // the gateway still bills from the provider's counts
        assertThat(translator.usage()).isEqualTo(new TokenUsage(472, 0, 89, 0, false));
    }

    @Test
    void sendsDoneExactlyOnceEvenWhenTheStreamEndsNormallyAfterIt() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);

        String out = replay(translator, bytes("stream-text.sse"), 17, true);

        assertThat(events(out)).filteredOn("[DONE]"::equals).hasSize(1);
        assertThat(events(out).get(events(out).size() - 1)).isEqualTo("[DONE]");
    }

    @Test
    void relaysAnInBandProviderErrorInOpenAiShapeWithoutDone() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);

        String out = replay(translator, bytes("stream-error.sse"), Integer.MAX_VALUE, true);

        assertThat(events(out)).containsExactlyElementsOf(expected("stream-error.sse"));
        assertThat(translator.errorType()).isEqualTo("service_unavailable_error");
        assertThat(translator.usage()).isNull();
    }

    @Test
    void reportsAStreamThatEndedBeforeMessageStopAsAnError() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);

        List<Object> events = events(replay(translator, bytes("stream-cut.sse"), 11, true));

        Object last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) last).path("error").path("code").asString()).isEqualTo("provider_stream_error");
        assertThat(events).doesNotContain("[DONE]");
        assertThat(translator.errorType()).isEqualTo("api_error");
        assertThat(translator.usage()).isNull();
    }

    @Test
    void countsTheTextAndToolArgumentsRelayedBeforeACut() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);
        replay(translator, bytes("stream-cut.sse"), Integer.MAX_VALUE, false);

        long counted = translator.countOutputTokens(text -> text.length());

        assertThat(counted).isEqualTo("The answer is".length() + "{\"query\": \"forty".length());
    }

    @Test
    void countsNoThinkingAmongTheRelayedOutput() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);
        replay(translator, bytes("stream-thinking.sse"), Integer.MAX_VALUE, true);

        assertThat(translator.countOutputTokens(String::length))
                .isEqualTo("Checking.".length() + "{\"location\": \"Oslo\"}".length());
    }

    @Test
    void hasNoUsageBeforeTheProviderReportedItsFinalCounts() {
        AnthropicStreamTranslator translator = translator(STREAM_WITH_USAGE);
        byte[] stream = bytes("stream-text.sse");
        String text = new String(stream, StandardCharsets.UTF_8);
        byte[] beforeDelta = text.substring(0, text.indexOf("event: message_delta")).getBytes(StandardCharsets.UTF_8);

        replay(translator, beforeDelta, Integer.MAX_VALUE, false);

        assertThat(translator.usage()).isNull();
    }

    @Test
    void takesInputCountsAMessageDeltaReportsOverThoseOfMessageStart() {
        AnthropicStreamTranslator translator = translator(STREAM_WITHOUT_USAGE);
        String stream = new String(bytes("stream-text.sse"), StandardCharsets.UTF_8).replace(
                "\"usage\":{\"output_tokens\":6}",
                "\"usage\":{\"input_tokens\":12,\"cache_read_input_tokens\":3,\"output_tokens\":6}");

        replay(translator, stream.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE, true);

        assertThat(translator.usage()).isEqualTo(new TokenUsage(15, 3, 6, 0, false));
    }

    @Test
    void emitsAStopFinishButNoUsageWhenTheProviderSentNoMessageDelta() {
        String stream = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                + "\"model\":\"claude-sonnet-4-20250514\",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

        AnthropicStreamTranslator translator = translator(STREAM_WITHOUT_USAGE);

        List<Object> events = events(replay(translator, stream.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE,
                true));

        assertThat(events).hasSize(3);
        assertThat(((JsonNode) events.get(1)).path("choices").path(0).path("finish_reason").asString())
                .isEqualTo("stop");
        assertThat(events.get(2)).isEqualTo("[DONE]");
        assertThat(translator.usage()).isNull();
    }

    private static List<Integer> toolIndexes(List<Object> events) {
        return events.stream()
                .filter(JsonNode.class::isInstance)
                .map(JsonNode.class::cast)
                .map(event -> event.path("choices").path(0).path("delta").path("tool_calls").path(0))
                .filter(call -> !call.isMissingNode())
                .map(call -> call.path("index").asInt())
                .toList();
    }
}
