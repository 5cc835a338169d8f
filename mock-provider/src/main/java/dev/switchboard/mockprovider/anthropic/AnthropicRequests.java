package dev.switchboard.mockprovider.anthropic;

import dev.switchboard.mockprovider.answer.ChatRequest;
import dev.switchboard.mockprovider.answer.ForcedTool;
import dev.switchboard.mockprovider.http.BadRequest;
import dev.switchboard.mockprovider.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads a Messages API request body into the vendor-neutral {@link ChatRequest}. */
final class AnthropicRequests {

    private AnthropicRequests() {
    }

    static ChatRequest parse(JsonNode body) {
        String model = Json.text(body.get("model"));
        if (model == null || model.isEmpty()) {
            throw new BadRequest("model: Field required");
        }
        JsonNode maxTokens = body.get("max_tokens");
        if (maxTokens == null || maxTokens.isNull()) {
            throw new BadRequest("max_tokens: Field required");
        }
        if (!maxTokens.isIntegralNumber() || maxTokens.asInt() < 1) {
            throw new BadRequest("max_tokens: Input should be a valid integer greater than or equal to 1");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw new BadRequest("messages: Field required");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new BadRequest("messages: at least one message is required");
        }
        List<String> promptTexts = new ArrayList<>(texts(body.get("system")));
        String lastUserText = "";
        for (JsonNode message : messages) {
            List<String> texts = texts(message.get("content"));
            promptTexts.addAll(texts);
            if ("user".equals(Json.text(message.get("role")))) {
                lastUserText = String.join("", texts);
            }
        }
        return new ChatRequest(model, promptTexts, lastUserText, maxTokens.asInt(),
                body.path("stream").asBoolean(false), false, forcedTool(body));
    }

    /**
     * Texts of a {@code system} or {@code content} value: the string itself, or per block the text, a tool_use's
     * name and input JSON, or a tool_result's texts.
     */
    private static List<String> texts(JsonNode content) {
        List<String> texts = new ArrayList<>();
        if (content == null || content.isNull()) {
            return texts;
        }
        if (content.isString()) {
            addIfPresent(texts, content.stringValue());
            return texts;
        }
        for (JsonNode block : content) {
            switch (String.valueOf(Json.text(block.get("type")))) {
                case "text" -> addIfPresent(texts, Json.text(block.get("text")));
                case "tool_use" -> {
                    addIfPresent(texts, Json.text(block.get("name")));
                    addIfPresent(texts, block.has("input") ? Json.write(block.get("input")) : null);
                }
                case "tool_result" -> texts.addAll(texts(block.get("content")));
                default -> {
                    // images, documents and thinking blocks carry no countable prompt text here
                }
            }
        }
        return texts;
    }

    private static ForcedTool forcedTool(JsonNode body) {
        String type = Json.text(body.path("tool_choice").get("type"));
        if (!"any".equals(type) && !"tool".equals(type)) {
            return null;
        }
        String named = "tool".equals(type) ? Json.text(body.path("tool_choice").get("name")) : null;
        for (JsonNode tool : body.path("tools")) {
            String name = Json.text(tool.get("name"));
            if (name != null && (named == null || named.equals(name))) {
                return new ForcedTool(name, tool.get("input_schema"));
            }
        }
        throw new BadRequest(named == null ? "tool_choice: 'any' requires at least one tool in 'tools'"
                : "tool_choice: tool '" + named + "' is not present in 'tools'");
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }
}
