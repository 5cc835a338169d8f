package dev.switchboard.mockprovider.http;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the mock; responses are built as trees so the field order and nulls match the vendors. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Parses a request body; throws {@link IllegalArgumentException} with a short reason when it is not JSON. */
    public static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The parsed body, or null when it is not JSON (endpoints answer 400 only after the credentials check). */
    public static JsonNode parseOrNull(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Text of a string node, or null when the node is missing, null or not a string. */
    public static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** Text of a string field, or null when the node is null or the field is missing, null or not a string. */
    public static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }
}
