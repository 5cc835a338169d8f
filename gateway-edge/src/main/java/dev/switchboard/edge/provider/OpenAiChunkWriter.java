package dev.switchboard.edge.provider;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.OpenAiErrors;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the canonical OpenAI {@code chat.completion.chunk} SSE events of one translated stream (wire-formats
 * §1.5); every chunk carries the same id, created time and model. Adapters of other vendors emit through it.
 */
public final class OpenAiChunkWriter {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;
    private final long created;
    private String id;
    private String model;

    public OpenAiChunkWriter(JsonMapper json, long created, String id, String model) {
        this.json = json;
        this.created = created;
        this.id = id;
        this.model = model;
    }

    /** Takes the id and model the provider announced once its stream started; nulls keep the current ones. */
    public void identify(String streamId, String streamModel) {
        if (streamId != null) {
            id = streamId;
        }
        if (streamModel != null) {
            model = streamModel;
        }
    }

    public void role(ByteBuf out, int choice) {
        ObjectNode chunk = header();
        delta(chunk, choice, null).put("role", "assistant").put("content", "");
        write(out, chunk);
    }

    /** A text delta, with the choice's {@code logprobs} when the provider sent them. */
    public void content(ByteBuf out, int choice, String text, JsonNode logprobs) {
        ObjectNode chunk = header();
        delta(chunk, choice, logprobs).put("content", text);
        write(out, chunk);
    }

    /** A tool call's first fragment: its index, id, type, name and the arguments known so far (maybe all). */
    public void toolStart(ByteBuf out, int choice, int callIndex, String callId, String name, String arguments) {
        ObjectNode chunk = header();
        ObjectNode call = delta(chunk, choice, null).putArray("tool_calls").addObject()
                .put("index", callIndex).put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        write(out, chunk);
    }

    public void toolArguments(ByteBuf out, int choice, int callIndex, String fragment) {
        ObjectNode chunk = header();
        delta(chunk, choice, null).putArray("tool_calls").addObject().put("index", callIndex)
                .putObject("function").put("arguments", fragment);
        write(out, chunk);
    }

    public void finish(ByteBuf out, int choice, String reason) {
        ObjectNode chunk = header();
        delta(chunk, choice, null);
        ((ObjectNode) chunk.path("choices").get(0)).put("finish_reason", reason);
        write(out, chunk);
    }

    /** The usage chunk: no choices, only usage, as OpenAI sends it before {@code [DONE]}. */
    public void usage(ByteBuf out, JsonNode usage) {
        ObjectNode chunk = header();
        chunk.putArray("choices");
        chunk.set("usage", usage);
        write(out, chunk);
    }

    /** An in-band error in OpenAI's shape, which the OpenAI SDKs raise. */
    public void error(ByteBuf out, GatewayException error) {
        error(json, out, error);
    }

    /** An in-band error for a stream that may have written no chunk yet. */
    public static void error(JsonMapper json, ByteBuf out, GatewayException error) {
        out.writeBytes(new OpenAiErrors(json).sseEvent(error));
    }

    public static void done(ByteBuf out) {
        out.writeBytes(DONE);
    }

    private ObjectNode header() {
        return json.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
    }

    /** Adds the one choice of a chunk and returns its (empty) delta. */
    private static ObjectNode delta(ObjectNode chunk, int index, JsonNode logprobs) {
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
        ObjectNode delta = choice.putObject("delta");
        if (logprobs == null) {
            choice.putNull("logprobs");
        } else {
            choice.set("logprobs", logprobs);
        }
        choice.putNull("finish_reason");
        return delta;
    }

    private void write(ByteBuf out, ObjectNode event) {
        out.writeBytes(DATA);
        out.writeBytes(json.writeValueAsBytes(event));
        out.writeBytes(END);
    }
}
