package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.GatewayException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes OpenAI {@code chat.completion.chunk} SSE events (wire-formats §1.5). Every chunk of one stream carries
 * the same id, created time and model.
 */
final class ChunkWriter {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;
    private final long created;
    private String id;
    private String model;

    ChunkWriter(JsonMapper json, long created, String id, String model) {
        this.json = json;
        this.created = created;
        this.id = id;
        this.model = model;
    }

    /** Takes the id and model the provider announced in {@code message_start}. */
    void identify(String messageId, String messageModel) {
        if (messageId != null) {
            id = messageId;
        }
        if (messageModel != null) {
            model = messageModel;
        }
    }

    void role(ByteBuf out) {
        ObjectNode delta = json.createObjectNode().put("role", "assistant").put("content", "");
        write(out, chunk(delta, null));
    }

    void content(ByteBuf out, String text) {
        write(out, chunk(json.createObjectNode().put("content", text), null));
    }

    /** The first fragment of a tool call: its index, id, type and name (wire-formats §1.5). */
    void toolStart(ByteBuf out, int index, String callId, String name) {
        ObjectNode delta = json.createObjectNode();
        ObjectNode call = delta.putArray("tool_calls").addObject()
                .put("index", index).put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        write(out, chunk(delta, null));
    }

    void toolArguments(ByteBuf out, int index, String fragment) {
        ObjectNode delta = json.createObjectNode();
        delta.putArray("tool_calls").addObject().put("index", index)
                .putObject("function").put("arguments", fragment);
        write(out, chunk(delta, null));
    }

    void finish(ByteBuf out, String reason) {
        write(out, chunk(json.createObjectNode(), reason));
    }

    /** The usage chunk: no choices, only usage, as OpenAI sends it before {@code [DONE]}. */
    void usage(ByteBuf out, AnthropicUsage usage) {
        ObjectNode chunk = header();
        chunk.putArray("choices");
        usage.writeOpenAi(chunk);
        write(out, chunk);
    }

    /** An in-band error in OpenAI's shape, which the OpenAI SDKs raise (wire-formats §1.5). */
    void error(ByteBuf out, GatewayException error) {
        ObjectNode body = json.createObjectNode();
        ObjectNode fields = body.putObject("error");
        fields.put("message", error.getMessage());
        fields.put("type", error.type());
        fields.put("param", error.param());
        fields.put("code", error.code());
        write(out, body);
    }

    void done(ByteBuf out) {
        out.writeBytes(DONE);
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = header();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    private ObjectNode header() {
        return json.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
    }

    private void write(ByteBuf out, ObjectNode event) {
        out.writeBytes(DATA);
        out.writeBytes(json.writeValueAsBytes(event));
        out.writeBytes(END);
    }
}
