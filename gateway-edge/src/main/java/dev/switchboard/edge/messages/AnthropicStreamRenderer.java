package dev.switchboard.edge.messages;

import dev.switchboard.edge.streaming.StreamTransform;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-renders a canonical OpenAI chunk stream as an Anthropic Messages stream (reference §2.4 and §5.4), always with
 * {@code event:} lines, which Anthropic SDKs dispatch on. One instance per stream, fed in order.
 *
 * <p>{@code message_start} goes out with the first chunk, with zero usage because OpenAI reports usage only at the
 * end; text and tool calls become content blocks, one open at a time, numbered from 0; the finish reason closes the
 * open block and is held, with the usage chunk, until {@code [DONE]}, which becomes {@code message_delta} (stop
 * reason and final usage) and {@code message_stop}. An OpenAI in-band error becomes {@code event: error} and ends
 * the rendering.
 */
public final class AnthropicStreamRenderer implements StreamTransform {

    private final JsonMapper json;
    private final String messageId;
    private final String model;
    /** OpenAI tool-call index to the Anthropic block index its arguments go to. */
    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private boolean started;
    private boolean completed;
    private boolean failed;
    private int nextBlock;
    private int openBlock = -1;
    private boolean textOpen;
    private String stopReason;
    private JsonNode usage;

    /**
     * @param messageId      the Message id to report (see {@link AnthropicResponseRenderer#messageId})
     * @param requestedModel the model the client asked for
     */
    public AnthropicStreamRenderer(JsonMapper json, String messageId, String requestedModel) {
        this.json = json;
        this.messageId = messageId;
        this.model = requestedModel;
    }

    /** Whether the stream was rendered to its {@code message_stop}. */
    public boolean completed() {
        return completed;
    }

    /** Whether the stream already ended, with its {@code message_stop} or with an error event. */
    public boolean ended() {
        return completed || failed;
    }

    @Override
    public void event(ByteBuf event, ByteBuf out) {
        if (completed || failed) {
            return;
        }
        String data = data(event);
        if (data == null || data.isBlank()) {
            return;
        }
        if (data.equals("[DONE]")) {
            finish(out);
            return;
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (JacksonException malformed) {
            // the canonical translators write whole JSON chunks; anything else carries nothing to render
            return;
        }
        if (chunk.path("error").isObject()) {
            error(chunk.path("error"), out);
            return;
        }
        start(out);
        if (chunk.path("usage").isObject()) {
            usage = chunk.path("usage");
        }
        // the Anthropic API has no n: the canonical request asks for one choice
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        text(delta.path("content"), out);
        text(delta.path("refusal"), out);
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, out);
        }
        String finishReason = choice.path("finish_reason").stringValue(null);
        if (finishReason != null) {
            closeBlock(out);
            stopReason = AnthropicWire.stopReason(finishReason);
        }
    }

    /**
     * Finishes a stream that ended after its finish reason but without {@code [DONE]}. A stream that ended before
     * any finish reason is left incomplete ({@link #completed()} false) for the caller to report as an error.
     */
    @Override
    public void end(ByteBuf out) {
        if (!completed && !failed && stopReason != null) {
            finish(out);
        }
    }

    private void start(ByteBuf out) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode start = typed("message_start");
        ObjectNode message = start.putObject("message")
                .put("id", messageId)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        AnthropicWire.usage(json.createObjectNode(), message.putObject("usage"));
        write(out, start);
    }

    private void text(JsonNode text, ByteBuf out) {
        if (!text.isString() || text.stringValue().isEmpty()) {
            return;
        }
        if (!textOpen) {
            closeBlock(out);
            ObjectNode blockStart = blockStart();
            blockStart.putObject("content_block").put("type", "text").put("text", "");
            write(out, blockStart);
            textOpen = true;
        }
        ObjectNode delta = typed("content_block_delta").put("index", openBlock);
        delta.putObject("delta").put("type", "text_delta").put("text", text.stringValue());
        write(out, delta);
    }

    /**
     * A fragment with an id starts a call: a new tool_use block. Later fragments carry argument pieces for the call
     * with their index; should a provider interleave two calls' pieces, a piece still goes to its own call's
     * block, as SDKs accumulate deltas by block index.
     */
    private void toolCall(JsonNode call, ByteBuf out) {
        int toolIndex = call.path("index").asInt(toolBlocks.size());
        String id = call.path("id").stringValue(null);
        Integer block = toolBlocks.get(toolIndex);
        if ((id != null && !id.isBlank()) || block == null) {
            closeBlock(out);
            ObjectNode blockStart = blockStart();
            blockStart.putObject("content_block")
                    .put("type", "tool_use")
                    .put("id", id != null && !id.isBlank() ? id : AnthropicWire.randomId("toolu_"))
                    .put("name", call.path("function").path("name").stringValue(""))
                    .putObject("input");
            write(out, blockStart);
            block = openBlock;
            toolBlocks.put(toolIndex, block);
        }
        String arguments = call.path("function").path("arguments").stringValue("");
        if (!arguments.isEmpty()) {
            ObjectNode delta = typed("content_block_delta").put("index", block);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", arguments);
            write(out, delta);
        }
    }

    private ObjectNode blockStart() {
        openBlock = nextBlock++;
        return typed("content_block_start").put("index", openBlock);
    }

    private void closeBlock(ByteBuf out) {
        if (openBlock >= 0) {
            write(out, typed("content_block_stop").put("index", openBlock));
            openBlock = -1;
            textOpen = false;
        }
    }

    private void finish(ByteBuf out) {
        start(out);
        closeBlock(out);
        ObjectNode messageDelta = typed("message_delta");
        messageDelta.putObject("delta")
                .put("stop_reason", stopReason == null ? "end_turn" : stopReason)
                .putNull("stop_sequence");
        AnthropicWire.usage(usage == null ? json.createObjectNode() : usage, messageDelta.putObject("usage"));
        write(out, messageDelta);
        write(out, typed("message_stop"));
        completed = true;
    }

    private void error(JsonNode error, ByteBuf out) {
        failed = true;
        ObjectNode event = typed("error");
        event.putObject("error")
                .put("type", AnthropicErrors.typeForOpenAiError(error.path("type").stringValue(null),
                        error.path("code").asString(null)))
                .put("message", error.path("message").stringValue("The provider failed while streaming."));
        write(out, event);
    }

    private ObjectNode typed(String type) {
        return json.createObjectNode().put("type", type);
    }

    /** Writes one SSE event named after its JSON {@code type}, as Anthropic's stream does. */
    private void write(ByteBuf out, ObjectNode data) {
        out.writeCharSequence("event: " + data.get("type").stringValue() + "\ndata: ", StandardCharsets.UTF_8);
        out.writeBytes(json.writeValueAsBytes(data));
        out.writeCharSequence("\n\n", StandardCharsets.UTF_8);
    }

    /** The event's data (several data lines joined by newlines), or null when it has none, like a keepalive. */
    private static String data(ByteBuf event) {
        StringBuilder data = null;
        for (String line : event.toString(StandardCharsets.UTF_8).split("\n")) {
            String field = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!field.startsWith("data:")) {
                continue;
            }
            String value = field.substring(5);
            value = value.startsWith(" ") ? value.substring(1) : value;
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        return data == null ? null : data.toString();
    }
}
