package dev.switchboard.edge.observability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The readable text of chat messages and of a completion, one {@code role: text} line per message. */
public final class PromptText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PromptText() {
    }

    /** OpenAI-format messages: string content, or the text parts of an array of parts. */
    static String of(JsonNode messages) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : messages) {
            text.append(message.path("role").asString("?")).append(": ");
            JsonNode content = message.path("content");
            if (content.isString()) {
                text.append(content.asString());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    if (part.path("text").isString()) {
                        text.append(part.path("text").asString());
                    }
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                text.append(" [tool ").append(call.path("function").path("name").asString("?")).append(' ')
                        .append(call.path("function").path("arguments").asString("")).append(']');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The text of an OpenAI {@code chat.completion} document's choices. */
    public static String ofCompletion(byte[] completion) {
        JsonNode choices = JSON.readTree(completion).path("choices");
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : choices) {
            JsonNode message = choice.path("message");
            if (message.path("content").isString()) {
                text.append(message.path("content").asString());
            }
            for (JsonNode call : message.path("tool_calls")) {
                text.append(" [tool ").append(call.path("function").path("name").asString("?")).append(' ')
                        .append(call.path("function").path("arguments").asString("")).append(']');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
