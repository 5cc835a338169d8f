package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.api.GatewayException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the OpenAI {@code chat.completion.chunk} events of one stream, all with the same id, created and model. */
final class OpenAiChunks {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;
    private final String id;
    private final String model;
    private final long created = Instant.now().getEpochSecond();

    OpenAiChunks(JsonMapper json, String id, String model) {
        this.json = json;
        this.id = id;
        this.model = model;
    }

    void role(ByteBuf out, int index) {
        ObjectNode chunk = chunk();
        delta(chunk, index).put("role", "assistant").put("content", "");
        write(json, out, chunk);
    }

    void content(ByteBuf out, int index, String text, ObjectNode logprobs) {
        ObjectNode chunk = chunk();
        delta(chunk, index).put("content", text);
        if (logprobs != null) {
            ((ObjectNode) chunk.path("choices").get(0)).set("logprobs", logprobs);
        }
        write(json, out, chunk);
    }

    /** One complete call: Gemini sends arguments whole, so id, name and all arguments travel in one delta. */
    void toolCall(ByteBuf out, int index, int callIndex, GeminiCandidate.FunctionCall call) {
        ObjectNode chunk = chunk();
        ObjectNode toolCall = delta(chunk, index).putArray("tool_calls").addObject();
        toolCall.put("index", callIndex);
        toolCall.put("id", call.id());
        toolCall.put("type", "function");
        toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        write(json, out, chunk);
    }

    void finish(ByteBuf out, int index, String finishReason) {
        ObjectNode chunk = chunk();
        delta(chunk, index);
        ((ObjectNode) chunk.path("choices").get(0)).put("finish_reason", finishReason);
        write(json, out, chunk);
    }

    void usage(ByteBuf out, JsonNode usage) {
        ObjectNode chunk = json.createObjectNode();
        header(chunk);
        chunk.putArray("choices");
        chunk.set("usage", usage);
        write(json, out, chunk);
    }

    /** OpenAI's in-band error event, which the OpenAI SDKs raise as an API error. */
    static void error(JsonMapper json, ByteBuf out, GatewayException error) {
        ObjectNode event = json.createObjectNode();
        ObjectNode body = event.putObject("error");
        body.put("message", error.getMessage());
        body.put("type", error.type());
        body.put("param", error.param());
        body.put("code", error.code());
        write(json, out, event);
    }

    static void done(ByteBuf out) {
        out.writeBytes(DONE);
    }

    private ObjectNode chunk() {
        ObjectNode chunk = json.createObjectNode();
        header(chunk);
        return chunk;
    }

    private void header(ObjectNode chunk) {
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
    }

    /** Adds the one choice of a chunk and returns its (empty) delta. */
    private static ObjectNode delta(ObjectNode chunk, int index) {
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
        ObjectNode delta = choice.putObject("delta");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return delta;
    }

    private static void write(JsonMapper json, ByteBuf out, ObjectNode event) {
        out.writeBytes(DATA);
        out.writeBytes(json.writeValueAsBytes(event));
        out.writeBytes(END);
    }
}
