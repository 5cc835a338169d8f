package dev.switchboard.edge.provider.anthropic;

import static dev.switchboard.edge.provider.anthropic.ContentParts.invalid;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns OpenAI {@code messages} into Anthropic {@code system} and {@code messages} (wire-formats §5.1, pitfalls
 * 2–4): system and developer messages are hoisted wherever they stand; assistant tool calls become
 * {@code tool_use} blocks; the {@code tool} messages answering them become {@code tool_result} blocks of one user
 * turn right after; consecutive turns of one role are merged; the conversation opens with a user turn. A
 * message's {@code name} is not forwarded: Anthropic turns have no author names.
 */
final class MessagesTranslator {

    /** Opens a conversation whose first turn is not the user's; Anthropic's turns start with the user. */
    static final String OPENING_TURN = "(conversation start)";

    /** The Anthropic side of a conversation. */
    record Conversation(ArrayNode system, ArrayNode messages) {
    }

    private final JsonMapper json;
    private final ContentParts parts;

    MessagesTranslator(JsonMapper json) {
        this.json = json;
        this.parts = new ContentParts(json);
    }

    Conversation translate(JsonNode messages) {
        ArrayNode system = json.createArrayNode();
        ArrayNode turns = json.createArrayNode();
        // the role of the last non-system message, to check that tool results answer tool calls
        String previous = null;
        boolean previousCalledTools = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            String role = message.path("role").asString("");
            switch (role) {
                case "system", "developer" -> system.addAll(parts.text(message.path("content"), where));
                case "user" -> append(turns, "user", parts.user(message.path("content"), where));
                case "assistant" -> append(turns, "assistant", assistant(message, where));
                case "tool" -> {
                    if (!previousCalledTools && !"tool".equals(previous)) {
                        throw invalid(where + ": a 'tool' message must follow an assistant message with "
                                + "'tool_calls'.");
                    }
                    append(turns, "user", json.createArrayNode().add(toolResult(message, where)));
                }
                case "function" -> throw invalid(where + ": the 'function' role is deprecated and not supported "
                        + "for this model; use 'tool' messages.");
                default -> throw invalid(where + ": unsupported role '" + role + "'.");
            }
            if (!role.equals("system") && !role.equals("developer")) {
                previousCalledTools = role.equals("assistant") && message.path("tool_calls").isArray()
                        && !message.path("tool_calls").isEmpty();
                previous = role;
            }
        }
        if (turns.isEmpty() || !"user".equals(turns.get(0).path("role").asString(""))) {
            ObjectNode opening = json.createObjectNode().put("role", "user");
            opening.putArray("content").addObject().put("type", "text").put("text", OPENING_TURN);
            turns.insert(0, opening);
        }
        return new Conversation(system, turns);
    }

    private ArrayNode assistant(JsonNode message, String where) {
        if (message.path("function_call").isObject()) {
            throw invalid(where + ".function_call is deprecated and not supported for this model; use 'tool_calls'.");
        }
        ArrayNode blocks = parts.text(message.path("content"), where);
        if (blocks.isEmpty() && message.path("refusal").isString()) {
            blocks = parts.text(message.path("refusal"), where);
        }
        JsonNode calls = message.path("tool_calls");
        if (!calls.isMissingNode() && !calls.isNull() && !calls.isArray()) {
            throw invalid(where + ".tool_calls must be an array.");
        }
        for (int i = 0; i < calls.size(); i++) {
            blocks.add(toolUse(calls.get(i), where + ".tool_calls[" + i + "]"));
        }
        return blocks;
    }

    private ObjectNode toolUse(JsonNode call, String where) {
        String type = call.path("type").asString("function");
        if (!type.equals("function")) {
            throw invalid(where + ": only 'function' tool calls are supported for this model.");
        }
        JsonNode function = call.path("function");
        if (!call.path("id").isString() || !function.path("name").isString()) {
            throw invalid(where + " needs an 'id' and a 'function.name'.");
        }
        ObjectNode block = json.createObjectNode()
                .put("type", "tool_use")
                .put("id", call.path("id").stringValue())
                .put("name", function.path("name").stringValue());
        block.set("input", arguments(function.path("arguments"), where));
        return block;
    }

    /** OpenAI sends arguments as a JSON string, Anthropic wants the object (pitfall 4). */
    private JsonNode arguments(JsonNode arguments, String where) {
        if (arguments.isMissingNode() || arguments.isNull()
                || (arguments.isString() && arguments.stringValue().isBlank())) {
            return json.createObjectNode();
        }
        if (!arguments.isString()) {
            throw invalid(where + ".function.arguments must be a JSON string.");
        }
        JsonNode input;
        try {
            input = json.readTree(arguments.stringValue());
        } catch (JacksonException malformed) {
            throw invalid(where + ".function.arguments is not valid JSON.");
        }
        if (input == null || !input.isObject()) {
            throw invalid(where + ".function.arguments must be a JSON object.");
        }
        return input;
    }

    private ObjectNode toolResult(JsonNode message, String where) {
        JsonNode id = message.path("tool_call_id");
        if (!id.isString() || id.stringValue().isBlank()) {
            throw invalid(where + ".tool_call_id is required.");
        }
        ObjectNode block = json.createObjectNode().put("type", "tool_result").put("tool_use_id", id.stringValue());
        JsonNode content = message.path("content");
        if (content.isString()) {
            // an empty result is sent without content, which Anthropic allows, rather than as an empty text
            if (!content.stringValue().isEmpty()) {
                block.put("content", content.stringValue());
            }
        } else {
            ArrayNode blocks = parts.text(content, where);
            if (!blocks.isEmpty()) {
                block.set("content", blocks);
            }
        }
        return block;
    }

    /** Adds a turn, merging it into the previous one of the same role; turns without blocks are left out. */
    private void append(ArrayNode turns, String role, ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && role.equals(last.path("role").asString(""))) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode turn = turns.addObject().put("role", role);
        turn.set("content", blocks);
    }
}
