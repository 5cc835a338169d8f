package dev.switchboard.edge.messages;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a canonical OpenAI {@code chat.completion} as an Anthropic Message (reference §2.3): the first choice's
 * text as a text block, its refusal as a text block too (with {@code stop_reason: refusal} when the provider
 * filtered the answer), then one {@code tool_use} block per tool call.
 *
 * <p>Tool arguments that are not a JSON object (a model's malformed output, or arguments cut off by the token
 * limit) become {@code input: {}}: Anthropic's {@code input} must be an object, and an empty one lets the client's
 * tool report the missing arguments back to the model, where refusing the whole answer would throw away the
 * text and every other call.
 */
public final class AnthropicResponseRenderer {

    private final JsonMapper json;

    public AnthropicResponseRenderer(JsonMapper json) {
        this.json = json;
    }

    /** A message id derived from an OpenAI completion id or another id ({@code chatcmpl-abc} → {@code msg_abc}). */
    public static String messageId(String sourceId) {
        return AnthropicWire.messageId(sourceId);
    }

    /**
     * @param completion     the canonical answer, an OpenAI {@code chat.completion} body
     * @param requestedModel the model the client asked for, which the Message reports
     */
    public byte[] render(byte[] completion, String requestedModel) {
        JsonNode answer = json.readTree(completion);
        JsonNode choice = answer.path("choices").path(0);
        JsonNode reply = choice.path("message");
        ObjectNode message = json.createObjectNode()
                .put("id", messageId(answer.path("id").stringValue(null)))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", requestedModel);
        ArrayNode content = message.putArray("content");
        addText(content, reply.path("content"));
        addText(content, reply.path("refusal"));
        for (JsonNode call : reply.path("tool_calls")) {
            content.addObject()
                    .put("type", "tool_use")
                    .put("id", toolUseId(call.path("id")))
                    .put("name", call.path("function").path("name").stringValue(""))
                    .set("input", input(call.path("function").path("arguments")));
        }
        message.put("stop_reason", AnthropicWire.stopReason(choice.path("finish_reason").stringValue(null)));
        message.putNull("stop_sequence");
        AnthropicWire.usage(answer.path("usage"), message.putObject("usage"));
        return json.writeValueAsBytes(message);
    }

    /** Text from an OpenAI content value: a string, or an array of text parts. Empty text adds no block. */
    private static void addText(ArrayNode content, JsonNode value) {
        StringBuilder text = new StringBuilder();
        if (value.isString()) {
            text.append(value.stringValue());
        } else if (value.isArray()) {
            for (JsonNode part : value) {
                text.append(part.path("text").stringValue(part.path("refusal").stringValue("")));
            }
        }
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text.toString());
        }
    }

    /** The call's id, kept as is because the client sends it back in its tool_result; one is made up if absent. */
    private static String toolUseId(JsonNode id) {
        return id.isString() && !id.stringValue().isBlank() ? id.stringValue() : AnthropicWire.randomId("toolu_");
    }

    private JsonNode input(JsonNode arguments) {
        if (arguments.isString() && !arguments.stringValue().isBlank()) {
            try {
                JsonNode parsed = json.readTree(arguments.stringValue());
                if (parsed.isObject()) {
                    return parsed;
                }
            } catch (JacksonException malformed) {
                // falls through to the empty input, as the class comment explains
            }
        }
        return json.createObjectNode();
    }
}
