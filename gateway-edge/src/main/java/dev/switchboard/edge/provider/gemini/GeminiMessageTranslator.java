package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.api.GatewayException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI messages to Gemini {@code contents} and {@code systemInstruction} (reference §5.1): system and developer
 * messages are hoisted, the assistant speaks as {@code model}, tool calls become {@code functionCall} parts and each
 * run of tool messages one {@code user} content of {@code functionResponse} parts, named after the call they answer.
 */
final class GeminiMessageTranslator {

    /** The translated conversation; {@code systemInstruction} is null when there was no system message. */
    record Conversation(ArrayNode contents, ObjectNode systemInstruction) {
    }

    private final JsonMapper json;
    private final GeminiUserParts userParts;

    GeminiMessageTranslator(JsonMapper json) {
        this.json = json;
        this.userParts = new GeminiUserParts(json);
    }

    Conversation translate(JsonNode messages) {
        ArrayNode contents = json.createArrayNode();
        ArrayNode systemParts = json.createArrayNode();
        Map<String, String> callNames = new HashMap<>();
        ArrayNode toolResults = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            String role = message.path("role").stringValue();
            if (!role.equals("tool")) {
                toolResults = null;
            }
            switch (role) {
                case "system", "developer" -> texts(message.path("content"), where + ".content")
                        .forEach(text -> systemParts.addObject().put("text", text));
                case "user" -> content(contents, "user").set("parts", userParts.translate(message.path("content"),
                        where + ".content"));
                case "assistant" -> {
                    ArrayNode parts = assistantParts(message, where, callNames);
                    // an assistant turn with nothing in it has no Gemini form (a content needs parts)
                    if (!parts.isEmpty()) {
                        content(contents, "model").set("parts", parts);
                    }
                }
                case "tool" -> {
                    if (toolResults == null) {
                        toolResults = content(contents, "user").putArray("parts");
                    }
                    toolResults.add(functionResponse(message, where, callNames));
                }
                default -> throw GatewayException.invalidRequest(where + ".role",
                        "Role '" + role + "' is not supported for Gemini models.");
            }
        }
        if (contents.isEmpty()) {
            throw GatewayException.invalidRequest("messages",
                    "Gemini models need at least one user or assistant message besides system messages.");
        }
        ObjectNode system = null;
        if (!systemParts.isEmpty()) {
            system = json.createObjectNode();
            system.set("parts", systemParts);
        }
        return new Conversation(contents, system);
    }

    private static ObjectNode content(ArrayNode contents, String role) {
        ObjectNode content = contents.addObject();
        content.put("role", role);
        return content;
    }

    private ArrayNode assistantParts(JsonNode message, String where, Map<String, String> callNames) {
        ArrayNode parts = json.createArrayNode();
        JsonNode content = message.path("content");
        if (content.isString()) {
            if (!content.stringValue().isEmpty()) {
                parts.addObject().put("text", content.stringValue());
            }
        } else if (content.isArray()) {
            for (int j = 0; j < content.size(); j++) {
                JsonNode part = content.get(j);
                String type = part.path("type").asString("");
                // a refusal the assistant gave earlier is, to Gemini, just something the model said
                JsonNode text = part.path(type.equals("refusal") ? "refusal" : "text");
                if (!(type.equals("text") || type.equals("refusal")) || !text.isString()) {
                    throw GatewayException.invalidRequest(where + ".content[" + j + "]",
                            "Assistant content parts must be text or refusal parts.");
                }
                parts.addObject().put("text", text.stringValue());
            }
        } else if (!content.isMissingNode() && !content.isNull()) {
            throw GatewayException.invalidRequest(where + ".content", "'content' must be a string or an array.");
        }
        JsonNode toolCalls = message.path("tool_calls");
        if (toolCalls.isMissingNode() || toolCalls.isNull()) {
            return parts;
        }
        if (!toolCalls.isArray()) {
            throw GatewayException.invalidRequest(where + ".tool_calls", "'tool_calls' must be an array.");
        }
        for (int j = 0; j < toolCalls.size(); j++) {
            parts.addObject().set("functionCall", functionCall(toolCalls.get(j), where + ".tool_calls[" + j + "]",
                    callNames));
        }
        return parts;
    }

    private ObjectNode functionCall(JsonNode toolCall, String where, Map<String, String> callNames) {
        JsonNode id = toolCall.path("id");
        JsonNode name = toolCall.path("function").path("name");
        if (!id.isString() || !name.isString() || !toolCall.path("type").asString("function").equals("function")) {
            throw GatewayException.invalidRequest(where,
                    "Each tool call needs an 'id' and a function 'name', and only function tool calls are supported.");
        }
        callNames.put(id.stringValue(), name.stringValue());
        ObjectNode call = json.createObjectNode();
        call.put("name", name.stringValue());
        call.set("args", arguments(toolCall.path("function").path("arguments"), where + ".function.arguments"));
        call.put("id", id.stringValue());
        return call;
    }

    /** OpenAI sends arguments as a JSON string; Gemini wants the object. Blank means no arguments. */
    private JsonNode arguments(JsonNode arguments, String where) {
        if (arguments.isMissingNode() || arguments.isNull()
                || (arguments.isString() && arguments.stringValue().isBlank())) {
            return json.createObjectNode();
        }
        if (!arguments.isString()) {
            throw GatewayException.invalidRequest(where, "'arguments' must be a JSON-encoded string.");
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(arguments.stringValue());
        } catch (JacksonException malformed) {
            throw GatewayException.invalidRequest(where, "'arguments' is not valid JSON.");
        }
        if (parsed == null || !parsed.isObject()) {
            throw GatewayException.invalidRequest(where, "'arguments' must encode a JSON object for Gemini models.");
        }
        return parsed;
    }

    private ObjectNode functionResponse(JsonNode message, String where, Map<String, String> callNames) {
        JsonNode callId = message.path("tool_call_id");
        String name = callId.isString() ? callNames.get(callId.stringValue()) : null;
        if (name == null) {
            throw GatewayException.invalidRequest(where + ".tool_call_id", "'tool_call_id' must name a tool call "
                    + "made by an earlier assistant message; Gemini needs the function name of each result.");
        }
        ObjectNode part = json.createObjectNode();
        ObjectNode response = part.putObject("functionResponse");
        response.put("name", name);
        response.putObject("response").put("output", String.join("", texts(message.path("content"),
                where + ".content")));
        return part;
    }

    /** The texts of a string or an array of text parts. */
    private static List<String> texts(JsonNode content, String where) {
        List<String> texts = new ArrayList<>();
        if (content.isString()) {
            texts.add(content.stringValue());
            return texts;
        }
        if (!content.isArray()) {
            throw GatewayException.invalidRequest(where, "'content' must be a string or an array of text parts.");
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            if (!part.path("type").asString("").equals("text") || !part.path("text").isString()) {
                throw GatewayException.invalidRequest(where + "[" + j + "]", "Only text parts are allowed here.");
            }
            texts.add(part.path("text").stringValue());
        }
        return texts;
    }
}
