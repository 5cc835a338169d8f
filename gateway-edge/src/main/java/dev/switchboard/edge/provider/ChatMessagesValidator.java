package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.FieldChecks.unrecognized;

import dev.switchboard.edge.api.GatewayException;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks {@code messages}: each message's role, the fields that role may carry and their types, and (through
 * {@link ToolCallSequence}) that tool results answer the tool calls right before them. Optional message fields sent
 * as {@code null} are removed, except {@code content}, whose null OpenAI's format gives a meaning to.
 */
final class ChatMessagesValidator {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private ChatMessagesValidator() {
    }

    static void validate(JsonNode value, int maxMessages) {
        ArrayNode messages = FieldChecks.nonEmptyArray(value, "messages");
        if (messages.size() > maxMessages) {
            throw FieldChecks.tooMany("messages", maxMessages, messages.size());
        }
        ToolCallSequence toolCalls = new ToolCallSequence();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode node = messages.get(i);
            if (!(node instanceof ObjectNode message)) {
                throw FieldChecks.wrongType(at(i, ""), "an object", node);
            }
            String role = role(message, i);
            fields(message, i, role);
            toolCalls.next(message, i, role);
        }
        toolCalls.finish();
    }

    private static String role(ObjectNode message, int i) {
        JsonNode role = message.get("role");
        if (role == null) {
            throw FieldChecks.missing(at(i, ".role"));
        }
        String name = role.stringValue(null);
        if (name == null || !ROLES.contains(name)) {
            throw GatewayException.invalidRequest(at(i, ".role"), "Invalid value for '" + at(i, ".role") + "': "
                    + FieldChecks.shown(role.toString())
                    + ". Supported values are: system, developer, user, assistant, tool, function.");
        }
        return name;
    }

    /** One pass over the message's fields; then the fields its role requires. */
    private static void fields(ObjectNode message, int i, String role) {
        boolean assistant = "assistant".equals(role);
        boolean hasNulls = false;
        boolean callsSomething = false;
        JsonNode content = null;
        for (Map.Entry<String, JsonNode> field : message.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "role" -> {
                }
                case "content" -> content = value;
                case "name", "refusal" -> {
                    allowedOn("name".equals(name) ? !"tool".equals(role) : assistant, i, name);
                    if (value.isNull()) {
                        hasNulls = true;
                    } else {
                        requireString(value, i, name);
                    }
                }
                case "tool_calls", "function_call", "audio" -> {
                    allowedOn(assistant, i, name);
                    if (value.isNull()) {
                        hasNulls = true;
                    } else {
                        assistantCall(name, value, i);
                        callsSomething = true;
                    }
                }
                case "tool_call_id" -> {
                    allowedOn("tool".equals(role), i, name);
                    requireString(value, i, name);
                }
                default -> throw unrecognized(at(i, "." + name));
            }
        }
        required(message, i, role, content, callsSomething);
        if (hasNulls) {
            message.properties().removeIf(field -> field.getValue().isNull() && !"content".equals(field.getKey()));
        }
    }

    private static void required(ObjectNode message, int i, String role, JsonNode content, boolean callsSomething) {
        if (content == null || content.isNull()) {
            if ("assistant".equals(role) && !callsSomething) {
                throw GatewayException.invalidRequest(at(i, ".content"), "Invalid '" + at(i, ".content")
                        + "': an assistant message needs 'content' unless it has 'tool_calls' or 'function_call'.");
            }
            if (content == null && !"assistant".equals(role)) {
                throw FieldChecks.missing(at(i, ".content"));
            }
            if (content != null && !"assistant".equals(role) && !"function".equals(role)) {
                throw FieldChecks.wrongType(at(i, ".content"), "a string or an array of content parts", content);
            }
        } else if ("function".equals(role)) {
            if (!content.isString()) {
                throw FieldChecks.wrongType(at(i, ".content"), "a string", content);
            }
        } else {
            ContentValidator.message(content, i, role);
        }
        if ("tool".equals(role) && !message.has("tool_call_id")) {
            throw FieldChecks.missing(at(i, ".tool_call_id"));
        }
        if ("function".equals(role) && !message.path("name").isString()) {
            throw FieldChecks.missing(at(i, ".name"));
        }
    }

    private static void assistantCall(String name, JsonNode value, int i) {
        switch (name) {
            case "tool_calls" -> ToolCallSequence.checkCalls(value, i);
            case "function_call" -> {
                ObjectNode call = object(value, i, name);
                for (Map.Entry<String, JsonNode> field : call.properties()) {
                    String key = field.getKey();
                    if (!"name".equals(key) && !"arguments".equals(key)) {
                        throw unrecognized(at(i, ".function_call." + key));
                    }
                    if (!field.getValue().isString()) {
                        throw FieldChecks.wrongType(at(i, ".function_call." + key), "a string", field.getValue());
                    }
                }
                if (!call.has("name") || !call.has("arguments")) {
                    throw FieldChecks.missing(at(i, call.has("name") ? ".function_call.arguments"
                            : ".function_call.name"));
                }
            }
            default -> {
                ObjectNode audio = object(value, i, name);
                for (Map.Entry<String, JsonNode> field : audio.properties()) {
                    if (!"id".equals(field.getKey())) {
                        throw unrecognized(at(i, ".audio." + field.getKey()));
                    }
                    if (!field.getValue().isString()) {
                        throw FieldChecks.wrongType(at(i, ".audio.id"), "a string", field.getValue());
                    }
                }
                if (!audio.has("id")) {
                    throw FieldChecks.missing(at(i, ".audio.id"));
                }
            }
        }
    }

    private static void allowedOn(boolean allowed, int i, String name) {
        if (!allowed) {
            throw unrecognized(at(i, "." + name));
        }
    }

    private static void requireString(JsonNode value, int i, String name) {
        if (!value.isString()) {
            throw FieldChecks.wrongType(at(i, "." + name), "a string", value);
        }
    }

    private static ObjectNode object(JsonNode value, int i, String name) {
        if (!(value instanceof ObjectNode object)) {
            throw FieldChecks.wrongType(at(i, "." + name), "an object", value);
        }
        return object;
    }

    static String at(int i, String suffix) {
        return "messages[" + i + "]" + suffix;
    }
}
