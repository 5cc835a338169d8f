package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.answer.ChatRequest;
import dev.switchboard.mockprovider.answer.ForcedTool;
import dev.switchboard.mockprovider.http.BadRequest;
import dev.switchboard.mockprovider.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads a Chat Completions request body into the vendor-neutral {@link ChatRequest}. */
final class OpenAiChatRequests {

    private OpenAiChatRequests() {
    }

    static ChatRequest parse(JsonNode body) {
        String model = Json.text(body.get("model"));
        if (model == null || model.isEmpty()) {
            throw new BadRequest("you must provide a model parameter");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw new BadRequest("Missing required parameter: 'messages'.", "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new BadRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got "
                    + "an empty array instead.", "messages");
        }
        List<String> promptTexts = new ArrayList<>();
        String lastUserText = "";
        for (JsonNode message : messages) {
            List<String> texts = contentTexts(message.get("content"));
            texts.forEach(text -> addIfPresent(promptTexts, text));
            for (JsonNode call : message.path("tool_calls")) {
                addIfPresent(promptTexts, Json.text(call.path("function").get("name")));
                addIfPresent(promptTexts, Json.text(call.path("function").get("arguments")));
            }
            if ("user".equals(Json.text(message.get("role")))) {
                lastUserText = String.join("", texts);
            }
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        return new ChatRequest(model, promptTexts, lastUserText, maxTokens(body), stream, includeUsage,
                forcedTool(body));
    }

    /** {@code max_completion_tokens} wins over the deprecated {@code max_tokens}, as in OpenAI's API. */
    private static Integer maxTokens(JsonNode body) {
        for (String field : List.of("max_completion_tokens", "max_tokens")) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull()) {
                if (!value.isIntegralNumber() || value.asInt() < 1) {
                    throw new BadRequest("Invalid '" + field + "': expected an integer of at least 1.", field);
                }
                return value.asInt();
            }
        }
        return null;
    }

    private static ForcedTool forcedTool(JsonNode body) {
        JsonNode choice = body.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return null;
        }
        String named = null;
        if (choice.isObject()) {
            named = Json.text(choice.path("function").get("name"));
        } else if (!"required".equals(Json.text(choice))) {
            return null;
        }
        JsonNode tools = body.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            throw new BadRequest("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are "
                    + "specified.", "tool_choice");
        }
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            String name = Json.text(function.get("name"));
            if (name != null && (named == null || named.equals(name))) {
                return new ForcedTool(name, function.get("parameters"));
            }
        }
        throw new BadRequest("Tool choice '" + named + "' is not present in 'tools'.", "tool_choice");
    }

    /** Texts of a message's content: a string, or the text parts of an array (images and audio carry no text). */
    private static List<String> contentTexts(JsonNode content) {
        List<String> texts = new ArrayList<>();
        if (content == null || content.isNull()) {
            return texts;
        }
        if (content.isString()) {
            texts.add(content.stringValue());
            return texts;
        }
        for (JsonNode part : content) {
            String text = Json.text(part.get("text"));
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }
}
