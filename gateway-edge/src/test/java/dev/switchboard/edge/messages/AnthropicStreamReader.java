package dev.switchboard.edge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an Anthropic SSE stream the way the Anthropic SDKs do (dispatching on the {@code event:} name, data as
 * JSON), checks the event grammar (message_start, then per block start / deltas / stop with contiguous indexes,
 * then message_delta and message_stop) and accumulates the final Message, as the SDKs' stream helpers do.
 */
final class AnthropicStreamReader {

    record Event(String name, JsonNode data) {
    }

    private final JsonMapper json;

    AnthropicStreamReader(JsonMapper json) {
        this.json = json;
    }

    List<Event> events(String stream) {
        assertThat(stream).as("an SSE stream ends each event with a blank line").satisfiesAnyOf(
                s -> assertThat(s).isEmpty(), s -> assertThat(s).endsWith("\n\n"));
        List<Event> events = new ArrayList<>();
        for (String block : stream.split("\n\n")) {
            if (block.isEmpty()) {
                continue;
            }
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    assertThat(name).as("one event line per event").isNull();
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    assertThat(data).as("one data line per event").isNull();
                    data = line.substring(6);
                } else {
                    throw new AssertionError("unexpected line in " + block);
                }
            }
            assertThat(name).as("every event is named, or the SDKs skip it: " + block).isNotNull();
            JsonNode parsed = json.readTree(data);
            assertThat(parsed.path("type").stringValue("")).as("data type matches the event name").isEqualTo(name);
            events.add(new Event(name, parsed));
        }
        return events;
    }

    /** Checks the grammar of a complete stream and returns the Message it builds. */
    ObjectNode message(String stream) {
        List<Event> events = events(stream);
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).name()).isEqualTo("message_start");
        ObjectNode message = (ObjectNode) events.get(0).data().get("message").deepCopy();
        assertThat(message.get("content").isArray() && message.get("content").isEmpty()).isTrue();
        assertThat(message.get("stop_reason").isNull()).isTrue();
        assertThat(message.path("usage").path("input_tokens").isNumber()).isTrue();
        assertThat(message.path("usage").path("output_tokens").isNumber()).isTrue();
        ArrayNode content = (ArrayNode) message.get("content");
        List<StringBuilder> partialJson = new ArrayList<>();
        int open = -1;
        boolean delta = false;
        for (int i = 1; i < events.size(); i++) {
            Event event = events.get(i);
            JsonNode data = event.data();
            switch (event.name()) {
                case "content_block_start" -> {
                    assertThat(open).as("a block starts only when none is open").isEqualTo(-1);
                    assertThat(delta).as("no block after message_delta").isFalse();
                    assertThat(data.get("index").asInt()).as("block indexes are contiguous").isEqualTo(content.size());
                    open = data.get("index").asInt();
                    content.add(data.get("content_block").deepCopy());
                    partialJson.add(new StringBuilder());
                }
                case "content_block_delta" -> {
                    assertThat(data.get("index").asInt()).as("deltas go to the open block").isEqualTo(open);
                    ObjectNode block = (ObjectNode) content.get(open);
                    JsonNode piece = data.get("delta");
                    if (block.get("type").stringValue().equals("text")) {
                        assertThat(piece.get("type").stringValue()).isEqualTo("text_delta");
                        block.put("text", block.get("text").stringValue() + piece.get("text").stringValue());
                    } else {
                        assertThat(block.get("type").stringValue()).isEqualTo("tool_use");
                        assertThat(piece.get("type").stringValue()).isEqualTo("input_json_delta");
                        partialJson.get(open).append(piece.get("partial_json").stringValue());
                    }
                }
                case "content_block_stop" -> {
                    assertThat(data.get("index").asInt()).as("the open block stops").isEqualTo(open);
                    ObjectNode block = (ObjectNode) content.get(open);
                    if (block.get("type").stringValue().equals("tool_use") && !partialJson.get(open).isEmpty()) {
                        block.set("input", json.readTree(partialJson.get(open).toString()));
                    }
                    open = -1;
                }
                case "message_delta" -> {
                    assertThat(open).as("every block stopped before message_delta").isEqualTo(-1);
                    assertThat(data.path("delta").path("stop_reason").isString()).isTrue();
                    assertThat(data.path("usage").path("output_tokens").isNumber()).isTrue();
                    message.set("stop_reason", data.path("delta").get("stop_reason"));
                    message.set("stop_sequence", data.path("delta").get("stop_sequence"));
                    ((ObjectNode) message.get("usage")).setAll((ObjectNode) data.get("usage"));
                    delta = true;
                }
                case "message_stop" -> {
                    assertThat(delta).as("message_delta comes before message_stop").isTrue();
                    assertThat(i).as("message_stop is the last event").isEqualTo(events.size() - 1);
                }
                default -> throw new AssertionError("unexpected event " + event.name());
            }
        }
        assertThat(events.get(events.size() - 1).name()).isEqualTo("message_stop");
        return message;
    }
}
