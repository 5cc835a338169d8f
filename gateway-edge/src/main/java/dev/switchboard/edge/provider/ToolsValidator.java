package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.FieldChecks.unrecognized;

import dev.switchboard.edge.api.GatewayException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks {@code tools} and {@code tool_choice}, and their deprecated forms {@code functions} and
 * {@code function_call}. Only function tools are served: OpenAI's "custom" (free-form and grammar) tools and
 * {@code allowed_tools} choices have no counterpart at the other providers, so they are refused by name rather than
 * lost in translation.
 */
final class ToolsValidator {

    /** OpenAI's limit on declared functions. */
    static final int MAX_TOOLS = 128;

    private ToolsValidator() {
    }

    static ArrayNode tools(JsonNode value) {
        ArrayNode tools = declared(value, "tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!(tool instanceof ObjectNode declaration)) {
                throw FieldChecks.wrongType("tools[" + i + "]", "an object", tool);
            }
            JsonNode function = null;
            for (Map.Entry<String, JsonNode> field : declaration.properties()) {
                switch (field.getKey()) {
                    case "type" -> {
                        if (!"function".equals(field.getValue().stringValue(null))) {
                            functionType(field.getValue(), "tools[" + i + "].type", "tools");
                        }
                    }
                    case "function" -> function = field.getValue();
                    default -> throw unrecognized("tools[" + i + "]." + field.getKey());
                }
            }
            if (!declaration.has("type")) {
                throw FieldChecks.missing("tools[" + i + "].type");
            }
            if (function == null) {
                throw FieldChecks.missing("tools[" + i + "].function");
            }
            function(function, i, true);
        }
        return tools;
    }

    static ArrayNode functions(JsonNode value) {
        ArrayNode functions = declared(value, "functions");
        for (int i = 0; i < functions.size(); i++) {
            function(functions.get(i), i, false);
        }
        return functions;
    }

    /** Checks the shape of {@code tool_choice}; whether it names a declared tool is checked once tools are known. */
    static JsonNode toolChoiceShape(JsonNode value) {
        if (value.isString()) {
            String mode = value.stringValue();
            if (!"none".equals(mode) && !"auto".equals(mode) && !"required".equals(mode)) {
                throw GatewayException.invalidRequest("tool_choice", "Invalid value for 'tool_choice': '"
                        + FieldChecks.shown(mode) + "'. Supported values are: none, auto, required, or"
                        + " {\"type\": \"function\", \"function\": {\"name\": \"...\"}}.");
            }
            return value;
        }
        ObjectNode choice = FieldChecks.object(value, "tool_choice");
        JsonNode function = null;
        for (Map.Entry<String, JsonNode> field : choice.properties()) {
            switch (field.getKey()) {
                case "type" -> functionType(field.getValue(), "tool_choice.type", "tool_choice");
                case "function" -> function = field.getValue();
                default -> throw unrecognized("tool_choice." + field.getKey());
            }
        }
        if (!choice.has("type")) {
            throw FieldChecks.missing("tool_choice.type");
        }
        if (function == null) {
            throw FieldChecks.missing("tool_choice.function");
        }
        namedFunction(function, "tool_choice.function");
        return value;
    }

    static void checkChoice(JsonNode choice, ArrayNode tools) {
        if (tools == null) {
            throw GatewayException.invalidRequest("tool_choice",
                    "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.");
        }
        if (choice.isObject()) {
            String name = choice.path("function").path("name").stringValue();
            if (!declares(tools, name, true)) {
                throw GatewayException.invalidRequest("tool_choice.function.name", "Invalid 'tool_choice': the"
                        + " function '" + FieldChecks.shown(name) + "' is not among the declared 'tools'.");
            }
        }
    }

    /** Checks the shape of {@code function_call}: "none", "auto" or {@code {name}}. */
    static JsonNode functionCallShape(JsonNode value) {
        if (value.isString()) {
            if (!"none".equals(value.stringValue()) && !"auto".equals(value.stringValue())) {
                throw GatewayException.invalidRequest("function_call", "Invalid value for 'function_call': '"
                        + FieldChecks.shown(value.stringValue())
                        + "'. Supported values are: none, auto, or {\"name\": \"...\"}.");
            }
            return value;
        }
        namedFunction(value, "function_call");
        return value;
    }

    static void checkFunctionCall(JsonNode call, ArrayNode functions) {
        if (functions == null) {
            throw GatewayException.invalidRequest("function_call", "Invalid value for 'function_call':"
                    + " 'function_call' is only allowed when 'functions' are specified.");
        }
        if (call.isObject() && !declares(functions, call.path("name").stringValue(), false)) {
            throw GatewayException.invalidRequest("function_call.name", "Invalid 'function_call': the function '"
                    + FieldChecks.shown(call.path("name").stringValue())
                    + "' is not among the declared 'functions'.");
        }
    }

    private static ArrayNode declared(JsonNode value, String param) {
        ArrayNode declared = FieldChecks.nonEmptyArray(value, param);
        if (declared.size() > MAX_TOOLS) {
            throw FieldChecks.tooMany(param, MAX_TOOLS, declared.size());
        }
        return declared;
    }

    private static void functionType(JsonNode type, String param, String field) {
        String kind = FieldChecks.string(type, param);
        if (!"function".equals(kind)) {
            throw GatewayException.invalidRequest(param, "Invalid value for '" + param + "': '"
                    + FieldChecks.shown(kind) + "'. This gateway serves function tools only, so '" + field
                    + "' entries must have type 'function'.");
        }
    }

    /** A function declaration: in {@code tools[i].function} (which may set strict) or {@code functions[i]}. */
    private static void function(JsonNode value, int i, boolean inTools) {
        if (!(value instanceof ObjectNode function)) {
            throw FieldChecks.wrongType(where(i, inTools, ""), "an object", value);
        }
        for (Map.Entry<String, JsonNode> field : function.properties()) {
            JsonNode option = field.getValue();
            switch (field.getKey()) {
                case "name" -> {
                    if (!option.isString() || !FieldChecks.isName(option.stringValue())) {
                        FieldChecks.name(option, where(i, inTools, ".name"));
                    }
                }
                case "description" -> {
                    if (!option.isString()) {
                        throw FieldChecks.wrongType(where(i, inTools, ".description"), "a string", option);
                    }
                }
                case "parameters" -> {
                    if (!option.isObject()) {
                        throw FieldChecks.wrongType(where(i, inTools, ".parameters"), "an object (a JSON Schema)",
                                option);
                    }
                }
                case "strict" -> {
                    if (!inTools) {
                        throw unrecognized(where(i, false, ".strict"));
                    }
                    if (!option.isBoolean() && !option.isNull()) {
                        throw FieldChecks.wrongType(where(i, true, ".strict"), "a boolean", option);
                    }
                }
                default -> throw unrecognized(where(i, inTools, "." + field.getKey()));
            }
        }
        if (!function.has("name")) {
            throw FieldChecks.missing(where(i, inTools, ".name"));
        }
    }

    private static void namedFunction(JsonNode value, String param) {
        ObjectNode function = FieldChecks.object(value, param);
        for (Map.Entry<String, JsonNode> field : function.properties()) {
            if (!"name".equals(field.getKey())) {
                throw unrecognized(param + "." + field.getKey());
            }
            FieldChecks.string(field.getValue(), param + ".name");
        }
        if (!function.has("name")) {
            throw FieldChecks.missing(param + ".name");
        }
    }

    private static boolean declares(ArrayNode declared, String name, boolean inTools) {
        for (JsonNode declaration : declared) {
            JsonNode function = inTools ? declaration.path("function") : declaration;
            if (function.path("name").stringValue("").equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String where(int i, boolean inTools, String suffix) {
        return (inTools ? "tools[" + i + "].function" : "functions[" + i + "]") + suffix;
    }
}
