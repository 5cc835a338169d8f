package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.api.GatewayException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI {@code tools} and {@code tool_choice} to Gemini {@code tools[].functionDeclarations} and
 * {@code toolConfig.functionCallingConfig}. Schemas go through {@code parametersJsonSchema}, which takes JSON Schema
 * as OpenAI clients write it, instead of the OpenAPI subset of {@code parameters}.
 */
final class GeminiToolTranslator {

    private final JsonMapper json;

    GeminiToolTranslator(JsonMapper json) {
        this.json = json;
    }

    void translate(JsonNode tools, JsonNode toolChoice, ObjectNode body) {
        Set<String> declared = new HashSet<>();
        if (present(tools)) {
            ArrayNode declarations = declarations(tools, declared);
            if (!declarations.isEmpty()) {
                body.putArray("tools").addObject().set("functionDeclarations", declarations);
            }
        }
        if (present(toolChoice)) {
            body.putObject("toolConfig").set("functionCallingConfig", callingConfig(toolChoice, declared));
        }
    }

    private ArrayNode declarations(JsonNode tools, Set<String> declared) {
        if (!tools.isArray()) {
            throw GatewayException.invalidRequest("tools", "'tools' must be an array.");
        }
        ArrayNode declarations = json.createArrayNode();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            JsonNode function = tool.path("function");
            if (!tool.path("type").asString("").equals("function") || !function.path("name").isString()) {
                throw GatewayException.invalidRequest("tools[" + i + "]",
                        "Gemini models support only function tools with a name.");
            }
            ObjectNode declaration = declarations.addObject();
            declaration.put("name", function.path("name").stringValue());
            declared.add(function.path("name").stringValue());
            if (function.path("description").isString()) {
                declaration.put("description", function.path("description").stringValue());
            }
            JsonNode parameters = function.path("parameters");
            if (parameters.isObject()) {
                declaration.set("parametersJsonSchema", parameters);
            } else if (present(parameters)) {
                throw GatewayException.invalidRequest("tools[" + i + "].function.parameters",
                        "'parameters' must be a JSON Schema object.");
            }
        }
        return declarations;
    }

    private ObjectNode callingConfig(JsonNode choice, Set<String> declared) {
        ObjectNode config = json.createObjectNode();
        if (choice.isString()) {
            String mode = switch (choice.stringValue()) {
                case "none" -> "NONE";
                case "auto" -> "AUTO";
                case "required" -> "ANY";
                default -> throw GatewayException.invalidRequest("tool_choice",
                        "'tool_choice' must be none, auto, required or a named function.");
            };
            config.put("mode", mode);
            return config;
        }
        String type = choice.path("type").asString("");
        if (type.equals("function") && choice.path("function").path("name").isString()) {
            config.put("mode", "ANY");
            config.putArray("allowedFunctionNames").add(declaredName(choice.path("function").path("name"), declared));
            return config;
        }
        JsonNode allowed = choice.path("allowed_tools");
        // Gemini restricts the callable functions only in mode ANY, so "pick among these, or answer" has no form
        if (type.equals("allowed_tools") && allowed.path("mode").asString("").equals("required")
                && allowed.path("tools").isArray()) {
            config.put("mode", "ANY");
            ArrayNode names = config.putArray("allowedFunctionNames");
            for (JsonNode tool : allowed.path("tools")) {
                names.add(declaredName(tool.path("function").path("name"), declared));
            }
            return config;
        }
        throw GatewayException.invalidRequest("tool_choice", "This 'tool_choice' has no Gemini equivalent; use "
                + "none, auto, required, a named function, or allowed_tools with mode required.");
    }

    private static String declaredName(JsonNode name, Set<String> declared) {
        if (!name.isString() || !declared.contains(name.stringValue())) {
            throw GatewayException.invalidRequest("tool_choice",
                    "'tool_choice' names a function that is not among the request's tools.");
        }
        return name.stringValue();
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }
}
