package dev.switchboard.edge.messages;

import static dev.switchboard.edge.messages.RequestFields.absent;
import static dev.switchboard.edge.messages.RequestFields.invalid;
import static dev.switchboard.edge.messages.RequestFields.nonBlankString;
import static dev.switchboard.edge.messages.RequestFields.onlyKnown;
import static dev.switchboard.edge.messages.RequestFields.string;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic {@code tool_choice} as OpenAI {@code tool_choice} and {@code parallel_tool_calls}. */
final class ToolChoice {

    private final JsonMapper json;

    ToolChoice(JsonMapper json) {
        this.json = json;
    }

    /**
     * Sets the OpenAI fields on {@code body}. Without tools, {@code auto} and {@code none} mean what no choice
     * means and are left out (OpenAI refuses {@code tool_choice} without {@code tools}); {@code any} and
     * {@code tool} could not be honoured and are refused.
     */
    void translate(JsonNode choice, Set<String> toolNames, ObjectNode body) {
        RequestFields.object(choice, "tool_choice");
        String type = string(choice.get("type"), "tool_choice.type");
        onlyKnown(choice, "tool_choice", switch (type) {
            case "auto", "any" -> Set.of("type", "disable_parallel_tool_use");
            case "tool" -> Set.of("type", "name", "disable_parallel_tool_use");
            case "none" -> Set.of("type");
            default -> throw invalid("tool_choice.type", "must be one of \"auto\", \"any\", \"tool\", \"none\"");
        });
        JsonNode disableParallel = choice.get("disable_parallel_tool_use");
        if (!absent(disableParallel) && !disableParallel.isBoolean()) {
            throw invalid("tool_choice.disable_parallel_tool_use", "must be a boolean");
        }
        if (toolNames.isEmpty()) {
            if (type.equals("any") || type.equals("tool")) {
                throw invalid("tool_choice", "requires at least one tool in \"tools\"");
            }
            return;
        }
        switch (type) {
            case "auto" -> body.put("tool_choice", "auto");
            case "any" -> body.put("tool_choice", "required");
            case "none" -> body.put("tool_choice", "none");
            default -> {
                String name = nonBlankString(choice.get("name"), "tool_choice.name");
                if (!toolNames.contains(name)) {
                    throw invalid("tool_choice.name", "no tool named \"" + name + "\" in \"tools\"");
                }
                ObjectNode named = json.createObjectNode().put("type", "function");
                named.putObject("function").put("name", name);
                body.set("tool_choice", named);
            }
        }
        if (!absent(disableParallel) && disableParallel.booleanValue()) {
            body.put("parallel_tool_calls", false);
        }
    }
}
