package dev.switchboard.edge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.messages.AnthropicStreamReader.Event;
import dev.switchboard.edge.streaming.SseRelay;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AnthropicStreamRendererTests {

    private static final String MODEL = "claude-sonnet-4-5";

    private final JsonMapper json = JsonMapper.builder().build();
    private final AnthropicStreamReader reader = new AnthropicStreamReader(json);

    private AnthropicStreamRenderer renderer() {
        return new AnthropicStreamRenderer(json, "msg_01XFDUDYJgAACzvnptvVoYEL", MODEL);
    }

    private static byte[] fixture(String name) {
        return Fixtures.bytes(name);
    }

    /** Feeds {@code stream} through an {@link SseRelay} in reads of {@code readSize} bytes, then ends it. */
    private static String render(AnthropicStreamRenderer renderer, byte[] stream, int readSize) {
        ByteBuf out = Unpooled.buffer();
        SseRelay relay = new SseRelay((event, ignored) -> renderer.event(event, out));
        for (int from = 0; from < stream.length; from += readSize) {
            ByteBuf read = Unpooled.wrappedBuffer(stream, from, Math.min(readSize, stream.length - from));
            relay.relay(read).release();
        }
        renderer.end(out);
        String text = out.toString(StandardCharsets.UTF_8);
        out.release();
        return text;
    }

    private static String render(AnthropicStreamRenderer renderer, String stream) {
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        return render(renderer, bytes, bytes.length);
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(Event::name).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 100_000})
    void rendersATextStreamWhateverTheReadBoundaries(int readSize) {
        AnthropicStreamRenderer renderer = renderer();

        String out = render(renderer, fixture("openai/stream-text.sse"), readSize);

        assertThat(names(reader.events(out))).containsExactly("message_start", "content_block_start",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        ObjectNode message = reader.message(out);
        assertThat(message.get("id").stringValue()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(message.get("model").stringValue()).isEqualTo(MODEL);
        assertThat(message.get("role").stringValue()).isEqualTo("assistant");
        assertThat(message.get("content")).hasSize(1);
        assertThat(message.at("/content/0/text").stringValue()).isEqualTo("Hello! How can I help — café ☕ time?");
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(message.get("stop_sequence").isNull()).isTrue();
        assertThat(message.at("/usage/input_tokens").asLong()).isEqualTo(9);
        assertThat(message.at("/usage/output_tokens").asLong()).isEqualTo(12);
        assertThat(renderer.completed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 33, 100_000})
    void rendersToolCallsAsToolUseBlocksAfterTheText(int readSize) {
        AnthropicStreamRenderer renderer = renderer();

        ObjectNode message = reader.message(render(renderer, fixture("openai/stream-tool-calls.sse"), readSize));

        assertThat(message.get("content")).hasSize(3);
        assertThat(message.at("/content/0/type").stringValue()).isEqualTo("text");
        assertThat(message.at("/content/0/text").stringValue()).isEqualTo("Checking both.");
        assertThat(message.at("/content/1")).isEqualTo(json.readTree("""
                {"type":"tool_use","id":"call_DdmO9pD3xa9XTPNJ32zg2hcA","name":"get_weather",
                 "input":{"location":"San Francisco, CA","unit":"celsius"}}"""));
        assertThat(message.at("/content/2")).isEqualTo(json.readTree("""
                {"type":"tool_use","id":"call_9oQ4xLe5PtyAr6TBxHmUVnYd","name":"get_time",
                 "input":{"timezone":"America/Los_Angeles"}}"""));
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("tool_use");
        assertThat(message.get("usage")).isEqualTo(json.readTree("""
                {"input_tokens":86,"cache_creation_input_tokens":0,"cache_read_input_tokens":1920,
                 "output_tokens":41}"""));
    }

    @Test
    void opensEachToolUseBlockWithAnEmptyInputAndStreamsTheArgumentsAsJsonDeltas() {
        List<Event> events = reader.events(render(renderer(), fixture("openai/stream-tool-calls.sse"), 10));

        Event start = events.stream().filter(e -> e.name().equals("content_block_start")).skip(1).findFirst()
                .orElseThrow();
        assertThat(start.data()).isEqualTo(json.readTree("""
                {"type":"content_block_start","index":1,"content_block":{"type":"tool_use",
                 "id":"call_DdmO9pD3xa9XTPNJ32zg2hcA","name":"get_weather","input":{}}}"""));
        assertThat(events).filteredOn(e -> e.data().path("delta").path("type").stringValue("")
                .equals("input_json_delta")).extracting(e -> e.data().at("/delta/partial_json").stringValue())
                .containsExactly("{\"lo", "cation\": \"San Francisco, CA\", ", "\"unit\": \"celsius\"}",
                        "{\"timezone\": \"America/Los_Angeles\"}");
    }

    @Test
    void startsTheMessageWithZeroUsageBecauseOpenAiReportsItAtTheEnd() {
        List<Event> events = reader.events(render(renderer(), fixture("openai/stream-text.sse"), 100_000));

        assertThat(events.get(0).data()).isEqualTo(json.readTree("""
                {"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message",
                 "role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,
                 "stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,
                 "cache_read_input_tokens":0,"output_tokens":0}}}"""));
    }

    @Test
    void turnsAnInBandErrorIntoAnErrorEventAndStopsThere() {
        AnthropicStreamRenderer renderer = renderer();
        String stream = new String(fixture("openai/stream-error.sse"), StandardCharsets.UTF_8) + "data: [DONE]\n\n";

        List<Event> events = reader.events(render(renderer, stream));

        assertThat(names(events)).containsExactly("message_start", "content_block_start", "content_block_delta",
                "error");
        assertThat(events.get(3).data()).isEqualTo(json.readTree("""
                {"type":"error","error":{"type":"overloaded_error",
                 "message":"The provider is overloaded. Please retry."}}"""));
        assertThat(renderer.completed()).isFalse();
    }

    @Test
    void ignoresKeepalivesAndEmptyEvents() {
        AnthropicStreamRenderer renderer = renderer();

        String out = render(renderer, ": keepalive\n\ndata:\n\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
                + ": keepalive\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
                + "data: [DONE]\n\n");

        ObjectNode message = reader.message(out);
        assertThat(message.at("/content/0/text").stringValue()).isEqualTo("Hi");
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("max_tokens");
    }

    @Test
    void readsCarriageReturnLineEndings() {
        String out = render(renderer(),
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\r\n\r\n"
                        + "data: [DONE]\r\n\r\n");

        assertThat(reader.message(out).at("/content/0/text").stringValue()).isEqualTo("Hi");
    }

    @Test
    void mapsTheContentFilterFinishToARefusal() {
        String out = render(renderer(), "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":"
                + "\"content_filter\"}]}\n\ndata: [DONE]\n\n");

        ObjectNode message = reader.message(out);
        assertThat(message.get("content")).isEmpty();
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("refusal");
    }

    @Test
    void opensANewTextBlockForTextAfterAToolCall() {
        String out = render(renderer(), """
                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"content":"done"},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        ObjectNode message = reader.message(out);
        assertThat(message.get("content")).extracting(block -> block.get("type").stringValue())
                .containsExactly("tool_use", "text");
        assertThat(message.at("/content/0/input")).isEqualTo(json.createObjectNode());
    }

    @Test
    void startsAToolUseBlockForAToolCallWholeInOneFragment() {
        String out = render(renderer(), """
                data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":"{\\"x\\":1}"}},{"index":1,"id":"call_b","type":"function","function":{"name":"g","arguments":"{\\"y\\":2}"}}]},"finish_reason":"tool_calls"}]}

                data: [DONE]

                """);

        ObjectNode message = reader.message(out);
        assertThat(message.get("content")).extracting(block -> block.get("input").toString())
                .containsExactly("{\"x\":1}", "{\"y\":2}");
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("tool_use");
    }

    @Test
    void finishesAStreamThatEndedAfterItsFinishReasonWithoutDone() {
        AnthropicStreamRenderer renderer = renderer();

        String out = render(renderer,
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n");

        assertThat(reader.message(out).get("stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(renderer.completed()).isTrue();
    }

    @Test
    void leavesAStreamCutBeforeItsFinishIncomplete() {
        AnthropicStreamRenderer renderer = renderer();

        String out = render(renderer,
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n");

        assertThat(names(reader.events(out))).containsExactly("message_start", "content_block_start",
                "content_block_delta");
        assertThat(renderer.completed()).isFalse();
    }

    @Test
    void rendersAnEmptyMessageForAStreamWithOnlyDone() {
        AnthropicStreamRenderer renderer = renderer();

        ObjectNode message = reader.message(render(renderer, "data: [DONE]\n\n"));

        assertThat(message.get("content")).isEmpty();
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(renderer.completed()).isTrue();
    }

    @Test
    void ignoresEverythingAfterMessageStop() {
        AnthropicStreamRenderer renderer = renderer();
        render(renderer, "data: [DONE]\n\n");
        ByteBuf out = Unpooled.buffer();
        ByteBuf late = Unpooled.copiedBuffer(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"}}]}\n\n", StandardCharsets.UTF_8);

        renderer.event(late, out);
        renderer.end(out);

        assertThat(out.readableBytes()).isZero();
        late.release();
        out.release();
    }

    @Test
    void writesTheUsageAsCumulativeCountsInMessageDelta() {
        List<Event> events = reader.events(render(renderer(), fixture("openai/stream-tool-calls.sse"), 100_000));

        JsonNode messageDelta = events.get(events.size() - 2).data();
        assertThat(messageDelta).isEqualTo(json.readTree("""
                {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},
                 "usage":{"input_tokens":86,"cache_creation_input_tokens":0,"cache_read_input_tokens":1920,
                 "output_tokens":41}}"""));
    }
}
