package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.ChatMessagesValidator.at;
import static dev.switchboard.edge.provider.FieldChecks.unrecognized;

import dev.switchboard.edge.api.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Follows the tool calls through a conversation, as OpenAI does: the messages right after an assistant message with
 * {@code tool_calls} are tool messages answering each call by its id, and a tool message answers only such a call.
 * Adapters rely on this order (Anthropic needs each result in the turn right after its call).
 */
final class ToolCallSequence {

    private static final String[] CALL_FIELDS = {"id", "type", "function"};

    /** Index of the assistant message whose calls are being answered, or -1. */
    private int caller = -1;
    private final List<String> ids = new ArrayList<>();
    private boolean[] answered;
    private int unanswered;

    /** Checks an assistant message's {@code tool_calls}: {@code [{id, type:"function", function:{name, arguments}}]}. */
    static void checkCalls(JsonNode value, int i) {
        ArrayNode calls = FieldChecks.nonEmptyArray(value, at(i, ".tool_calls"));
        for (int c = 0; c < calls.size(); c++) {
            if (!(calls.get(c) instanceof ObjectNode call)) {
                throw FieldChecks.wrongType(call(i, c, ""), "an object", calls.get(c));
            }
            for (Map.Entry<String, JsonNode> field : call.properties()) {
                JsonNode part = field.getValue();
                switch (field.getKey()) {
                    case "id" -> {
                        if (!part.isString()) {
                            throw FieldChecks.wrongType(call(i, c, ".id"), "a string", part);
                        }
                    }
                    case "type" -> {
                        if (!"function".equals(part.stringValue(null))) {
                            throw GatewayException.invalidRequest(call(i, c, ".type"), "Invalid value for '"
                                    + call(i, c, ".type") + "': " + FieldChecks.shown(part.toString())
                                    + ". This gateway serves function tools only, so tool calls have type 'function'.");
                        }
                    }
                    case "function" -> function(part, i, c);
                    default -> throw unrecognized(call(i, c, "." + field.getKey()));
                }
            }
            for (String required : CALL_FIELDS) {
                if (!call.has(required)) {
                    throw FieldChecks.missing(call(i, c, "." + required));
                }
            }
        }
    }

    /** Called for each message in order, after its fields were checked. */
    void next(ObjectNode message, int i, String role) {
        if ("tool".equals(role)) {
            answer(message.get("tool_call_id").stringValue(), i);
            return;
        }
        requireAnswered();
        caller = -1;
        JsonNode calls = message.get("tool_calls");
        if ("assistant".equals(role) && calls instanceof ArrayNode array) {
            open(array, i);
        }
    }

    /** Called after the last message: a conversation may not end on unanswered tool calls. */
    void finish() {
        requireAnswered();
    }

    private void open(ArrayNode calls, int i) {
        caller = i;
        ids.clear();
        for (JsonNode call : calls) {
            ids.add(call.get("id").stringValue());
        }
        answered = new boolean[ids.size()];
        unanswered = ids.size();
    }

    private void answer(String id, int i) {
        if (caller < 0) {
            throw GatewayException.invalidRequest(at(i, ".role"), "Invalid parameter: messages with role 'tool'"
                    + " must be a response to a preceding message with 'tool_calls'.");
        }
        int call = ids.indexOf(id);
        if (call < 0) {
            throw GatewayException.invalidRequest(at(i, ".tool_call_id"), "Invalid parameter: 'tool_call_id' of '"
                    + FieldChecks.shown(id) + "' not found in 'tool_calls' of " + at(caller, "") + ".");
        }
        if (!answered[call]) {
            answered[call] = true;
            unanswered--;
        }
    }

    private void requireAnswered() {
        if (unanswered == 0) {
            return;
        }
        List<String> open = new ArrayList<>();
        for (int c = 0; c < ids.size(); c++) {
            if (!answered[c]) {
                open.add(FieldChecks.shown(ids.get(c)));
            }
        }
        throw GatewayException.invalidRequest(at(caller, ".tool_calls"), "An assistant message with 'tool_calls'"
                + " must be followed by tool messages responding to each 'tool_call_id'. The following"
                + " tool_call_ids did not have response messages: " + String.join(", ", open));
    }

    private static void function(JsonNode value, int i, int c) {
        if (!(value instanceof ObjectNode function)) {
            throw FieldChecks.wrongType(call(i, c, ".function"), "an object", value);
        }
        for (Map.Entry<String, JsonNode> field : function.properties()) {
            String name = field.getKey();
            if (!"name".equals(name) && !"arguments".equals(name)) {
                throw unrecognized(call(i, c, ".function." + name));
            }
            if (!field.getValue().isString()) {
                throw FieldChecks.wrongType(call(i, c, ".function." + name),
                        "arguments".equals(name) ? "a string (JSON-encoded arguments)" : "a string",
                        field.getValue());
            }
        }
        if (!function.has("name")) {
            throw FieldChecks.missing(call(i, c, ".function.name"));
        }
        if (!function.has("arguments")) {
            throw FieldChecks.missing(call(i, c, ".function.arguments"));
        }
    }

    private static String call(int i, int c, String suffix) {
        return at(i, ".tool_calls[" + c + "]" + suffix);
    }
}
