package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.GatewayException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates {@code tools}, {@code tool_choice}, {@code parallel_tool_calls} and {@code response_format}.
 * JSON output is emulated with one forced tool whose input schema is the requested schema; the answer's call of
 * that tool is handed back to the client as plain JSON content. A function's {@code strict} flag is not
 * forwarded: not every Claude model accepts it, and the schema itself still reaches the model.
 */
final class ToolsTranslator {

    /** The forced tool that carries a JSON-mode answer; never combined with client tools, so it cannot clash. */
    static final String JSON_TOOL = "json_response";

    private final JsonMapper json;

    ToolsTranslator(JsonMapper json) {
        this.json = json;
    }

    /** Whether the client asked for JSON output, which the answer's translation must unwrap. */
    static boolean jsonMode(JsonNode body) {
        String type = body.path("response_format").path("type").asString("");
        return type.equals("json_object") || type.equals("json_schema");
    }

    void translate(JsonNode source, ObjectNode target) {
        JsonNode tools = source.path("tools");
        boolean hasTools = tools.isArray() && !tools.isEmpty();
        if (!tools.isMissingNode() && !tools.isNull() && !tools.isArray()) {
            throw GatewayException.invalidRequest("tools", "'tools' must be an array.");
        }
        ObjectNode jsonTool = jsonTool(source.path("response_format"));
        if (jsonTool != null) {
            if (hasTools) {
                throw GatewayException.invalidRequest("response_format", "JSON 'response_format' cannot be combined "
                        + "with 'tools' for this model.");
            }
            checkChoiceNeedsNoTools(source.path("tool_choice"));
            target.putArray("tools").add(jsonTool);
            target.putObject("tool_choice").put("type", "tool").put("name", JSON_TOOL);
            return;
        }
        Set<String> names = new HashSet<>();
        if (hasTools) {
            ArrayNode translated = target.putArray("tools");
            for (int i = 0; i < tools.size(); i++) {
                ObjectNode tool = tool(tools.get(i), i);
                names.add(tool.get("name").stringValue());
                translated.add(tool);
            }
        }
        ObjectNode choice = hasTools ? choice(source.path("tool_choice"), names)
                : checkChoiceNeedsNoTools(source.path("tool_choice"));
        JsonNode parallel = source.path("parallel_tool_calls");
        if (!parallel.isMissingNode() && !parallel.isNull() && !parallel.isBoolean()) {
            throw GatewayException.invalidRequest("parallel_tool_calls", "'parallel_tool_calls' must be a boolean.");
        }
        if (hasTools && parallel.isBoolean() && !parallel.booleanValue()) {
            if (choice == null) {
                choice = json.createObjectNode().put("type", "auto");
            }
            // Anthropic refuses the flag on {type:none}, where no tool can be called anyway
            if (!choice.path("type").asString("").equals("none")) {
                choice.put("disable_parallel_tool_use", true);
            }
        }
        if (choice != null) {
            target.set("tool_choice", choice);
        }
    }

    private ObjectNode tool(JsonNode tool, int index) {
        String where = "tools[" + index + "]";
        if (!tool.path("type").asString("function").equals("function")) {
            throw GatewayException.invalidRequest("tools", where + ": only 'function' tools are supported for "
                    + "this model.");
        }
        JsonNode function = tool.path("function");
        if (!function.path("name").isString() || function.path("name").stringValue().isBlank()) {
            throw GatewayException.invalidRequest("tools", where + ".function.name is required.");
        }
        ObjectNode translated = json.createObjectNode().put("name", function.path("name").stringValue());
        if (function.path("description").isString()) {
            translated.put("description", function.path("description").stringValue());
        }
        translated.set("input_schema",
                objectSchema(function.path("parameters"), "tools", where + ".function.parameters"));
        return translated;
    }

    /** {@code none}, {@code auto}, {@code required}, or a named function, as Anthropic spells them. */
    private ObjectNode choice(JsonNode choice, Set<String> names) {
        if (choice.isMissingNode() || choice.isNull()) {
            return null;
        }
        if (choice.isString()) {
            return switch (choice.stringValue()) {
                case "none" -> json.createObjectNode().put("type", "none");
                case "auto" -> json.createObjectNode().put("type", "auto");
                case "required" -> json.createObjectNode().put("type", "any");
                default -> throw GatewayException.invalidRequest("tool_choice",
                        "'tool_choice' must be 'none', 'auto', 'required' or a named function.");
            };
        }
        JsonNode name = choice.path("function").path("name");
        if (!choice.path("type").asString("").equals("function") || !name.isString()) {
            throw GatewayException.invalidRequest("tool_choice",
                    "'tool_choice' must be 'none', 'auto', 'required' or a named function for this model.");
        }
        if (!names.contains(name.stringValue())) {
            throw GatewayException.invalidRequest("tool_choice",
                    "'tool_choice' names function '" + name.stringValue() + "', which is not in 'tools'.");
        }
        return json.createObjectNode().put("type", "tool").put("name", name.stringValue());
    }

    /** Without client tools only a choice that calls nothing makes sense; it needs no translation. */
    private static ObjectNode checkChoiceNeedsNoTools(JsonNode choice) {
        boolean harmless = choice.isMissingNode() || choice.isNull()
                || (choice.isString() && (choice.stringValue().equals("none") || choice.stringValue().equals("auto")));
        if (!harmless) {
            throw GatewayException.invalidRequest("tool_choice", "'tool_choice' is only allowed when 'tools' "
                    + "are specified.");
        }
        return null;
    }

    /** The forced tool for JSON output, or null when the client asked for plain text. */
    private ObjectNode jsonTool(JsonNode format) {
        if (format.isMissingNode() || format.isNull()) {
            return null;
        }
        String type = format.path("type").asString("");
        ObjectNode tool = json.createObjectNode().put("name", JSON_TOOL);
        switch (type) {
            case "text" -> {
                return null;
            }
            case "json_object" -> {
                tool.put("description", "Give your whole answer as a JSON object through this tool.");
                tool.putObject("input_schema").put("type", "object");
            }
            case "json_schema" -> {
                JsonNode spec = format.path("json_schema");
                String description = "Give your whole answer through this tool, as JSON matching the schema"
                        + (spec.path("name").isString() ? " '" + spec.path("name").stringValue() + "'" : "") + ".";
                if (spec.path("description").isString()) {
                    description += " " + spec.path("description").stringValue();
                }
                tool.put("description", description);
                tool.set("input_schema", objectSchema(spec.path("schema"), "response_format",
                        "response_format.json_schema.schema"));
            }
            default -> throw GatewayException.invalidRequest("response_format",
                    "'response_format' type must be 'text', 'json_object' or 'json_schema'.");
        }
        return tool;
    }

    /** Anthropic input schemas must describe an object; a schema without a type is taken as one. */
    private ObjectNode objectSchema(JsonNode schema, String param, String where) {
        if (schema.isMissingNode() || schema.isNull()) {
            return json.createObjectNode().put("type", "object");
        }
        if (!schema.isObject()) {
            throw GatewayException.invalidRequest(param, where + " must be a JSON Schema object.");
        }
        ObjectNode copy = (ObjectNode) schema.deepCopy();
        JsonNode type = copy.path("type");
        if (type.isMissingNode()) {
            copy.put("type", "object");
        } else if (!type.asString("").equals("object")) {
            throw GatewayException.invalidRequest(param, where + " must describe an object at its root for this "
                    + "model.");
        }
        return copy;
    }
}
