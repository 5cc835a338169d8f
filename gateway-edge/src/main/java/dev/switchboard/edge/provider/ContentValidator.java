package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.FieldChecks.unrecognized;

import dev.switchboard.edge.api.GatewayException;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks message content: a string, or a non-empty array of the parts the role may carry (user: text, image_url,
 * input_audio, file; assistant: text, refusal; every other role and {@code prediction}: text).
 */
final class ContentValidator {

    private static final Set<String> TEXT = Set.of("text");
    private static final Set<String> USER_PARTS = Set.of("text", "image_url", "input_audio", "file");
    private static final Set<String> ASSISTANT_PARTS = Set.of("text", "refusal");
    private static final Set<String> IMAGE_DETAILS = Set.of("auto", "low", "high");
    private static final Set<String> AUDIO_FORMATS = Set.of("wav", "mp3");

    /** No message index: the content of {@code prediction}. */
    private static final int PREDICTION = -1;

    private ContentValidator() {
    }

    /** The (non-null) content of {@code messages[index]}. */
    static void message(JsonNode content, int index, String role) {
        Set<String> allowed = switch (role) {
            case "user" -> USER_PARTS;
            case "assistant" -> ASSISTANT_PARTS;
            default -> TEXT;
        };
        check(content, index, allowed);
    }

    static void prediction(JsonNode content) {
        check(content, PREDICTION, TEXT);
    }

    private static void check(JsonNode content, int index, Set<String> allowed) {
        if (content.isString()) {
            return;
        }
        if (!(content instanceof ArrayNode parts)) {
            throw FieldChecks.wrongType(param(index), "a string or an array of content parts", content);
        }
        if (parts.isEmpty()) {
            FieldChecks.nonEmptyArray(parts, param(index));
        }
        for (int j = 0; j < parts.size(); j++) {
            part(parts.get(j), index, j, allowed);
        }
    }

    private static void part(JsonNode value, int index, int j, Set<String> allowed) {
        if (!(value instanceof ObjectNode part)) {
            throw FieldChecks.wrongType(param(index, j, ""), "an object", value);
        }
        JsonNode typeNode = part.get("type");
        if (typeNode == null) {
            throw FieldChecks.missing(param(index, j, ".type"));
        }
        String type = typeNode.stringValue(null);
        if (type == null || !allowed.contains(type)) {
            String param = param(index, j, ".type");
            throw GatewayException.invalidRequest(param, "Invalid value for '" + param + "': "
                    + FieldChecks.shown(typeNode.toString()) + ". Supported types here: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        for (Map.Entry<String, JsonNode> field : part.properties()) {
            String name = field.getKey();
            if (name.equals(type)) {
                payload(type, field.getValue(), index, j);
            } else if (!"type".equals(name)) {
                throw unrecognized(param(index, j, "." + name));
            }
        }
        if (!part.has(type)) {
            throw FieldChecks.missing(param(index, j, "." + type));
        }
    }

    private static void payload(String type, JsonNode value, int index, int j) {
        switch (type) {
            case "text", "refusal" -> {
                if (!value.isString()) {
                    throw FieldChecks.wrongType(param(index, j, "." + type), "a string", value);
                }
            }
            case "image_url" -> pair(value, index, j, type, "url", "detail", IMAGE_DETAILS, false);
            case "input_audio" -> pair(value, index, j, type, "data", "format", AUDIO_FORMATS, true);
            default -> file(value, index, j);
        }
    }

    /** An object of one required string field and one enumerated field, and nothing else. */
    private static void pair(JsonNode value, int index, int j, String type, String text, String enumerated,
                             Set<String> allowed, boolean enumeratedRequired) {
        if (!(value instanceof ObjectNode object)) {
            throw FieldChecks.wrongType(param(index, j, "." + type), "an object", value);
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode option = field.getValue();
            if (field.getKey().equals(text)) {
                if (!option.isString()) {
                    throw FieldChecks.wrongType(param(index, j, "." + type + "." + text), "a string", option);
                }
            } else if (field.getKey().equals(enumerated)) {
                if (!option.isString() || !allowed.contains(option.stringValue())) {
                    FieldChecks.oneOf(option, param(index, j, "." + type + "." + enumerated), allowed);
                }
            } else {
                throw unrecognized(param(index, j, "." + type + "." + field.getKey()));
            }
        }
        if (!object.has(text)) {
            throw FieldChecks.missing(param(index, j, "." + type + "." + text));
        }
        if (enumeratedRequired && !object.has(enumerated)) {
            throw FieldChecks.missing(param(index, j, "." + type + "." + enumerated));
        }
    }

    private static void file(JsonNode value, int index, int j) {
        if (!(value instanceof ObjectNode file)) {
            throw FieldChecks.wrongType(param(index, j, ".file"), "an object", value);
        }
        for (Map.Entry<String, JsonNode> field : file.properties()) {
            String name = field.getKey();
            if (!"file_data".equals(name) && !"file_id".equals(name) && !"filename".equals(name)) {
                throw unrecognized(param(index, j, ".file." + name));
            }
            if (!field.getValue().isString()) {
                throw FieldChecks.wrongType(param(index, j, ".file." + name), "a string", field.getValue());
            }
        }
        if (!file.has("file_data") && !file.has("file_id")) {
            throw GatewayException.invalidRequest(param(index, j, ".file"),
                    "A file content part needs 'file_data' or 'file_id'.");
        }
    }

    private static String param(int index) {
        return index == PREDICTION ? "prediction.content" : "messages[" + index + "].content";
    }

    private static String param(int index, int j, String suffix) {
        return param(index) + "[" + j + "]" + suffix;
    }
}
