package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.answer.ChatRequest;
import dev.switchboard.mockprovider.answer.ForcedTool;
import dev.switchboard.mockprovider.http.BadRequest;
import dev.switchboard.mockprovider.http.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads a GenerateContentRequest (camelCase JSON) into the vendor-neutral {@link ChatRequest}. */
final class GeminiRequests {

    private GeminiRequests() {
    }

    static ChatRequest parse(String model, JsonNode body, boolean stream) {
        JsonNode contents = body.get("contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            throw new BadRequest("* GenerateContentRequest.contents: contents is not specified\n");
        }
        List<String> promptTexts = new ArrayList<>(texts(body.path("systemInstruction")));
        String lastUserText = "";
        for (JsonNode content : contents) {
            List<String> texts = texts(content);
            promptTexts.addAll(texts);
            String role = Json.text(content.get("role"));
            if (role == null || role.equals("user")) {
                lastUserText = String.join("", texts);
            }
        }
        JsonNode max = body.path("generationConfig").get("maxOutputTokens");
        Integer maxOutputTokens = null;
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber() || max.asInt() < 1) {
                throw new BadRequest("* GenerateContentRequest.generation_config.max_output_tokens: must be a "
                        + "positive integer\n");
            }
            maxOutputTokens = max.asInt();
        }
        return new ChatRequest(model, promptTexts, lastUserText, maxOutputTokens, stream, false, forcedTool(body));
    }

    /** Per part: the text, a functionCall's name and args JSON, or a functionResponse's name and response JSON. */
    private static List<String> texts(JsonNode content) {
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content.path("parts")) {
            addIfPresent(texts, Json.text(part.get("text")));
            for (String kind : List.of("functionCall", "functionResponse")) {
                JsonNode call = part.get(kind);
                if (call != null && call.isObject()) {
                    addIfPresent(texts, Json.text(call.get("name")));
                    JsonNode payload = call.get(kind.equals("functionCall") ? "args" : "response");
                    addIfPresent(texts, payload == null ? null : Json.write(payload));
                }
            }
        }
        return texts;
    }

    /** Mode ANY forces a call: to the first allowed function name, else to the first declared function. */
    private static ForcedTool forcedTool(JsonNode body) {
        JsonNode config = body.path("toolConfig").path("functionCallingConfig");
        if (!"ANY".equals(Json.text(config.get("mode")))) {
            return null;
        }
        String allowed = Json.text(config.path("allowedFunctionNames").get(0));
        for (JsonNode tool : body.path("tools")) {
            for (JsonNode declaration : tool.path("functionDeclarations")) {
                String name = Json.text(declaration.get("name"));
                if (name != null && (allowed == null || allowed.equals(name))) {
                    JsonNode schema = declaration.has("parametersJsonSchema")
                            ? declaration.get("parametersJsonSchema") : declaration.get("parameters");
                    return new ForcedTool(name, schema);
                }
            }
        }
        throw new BadRequest("* GenerateContentRequest.tool_config.function_calling_config: mode ANY requires a "
                + "declared function\n");
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }
}
