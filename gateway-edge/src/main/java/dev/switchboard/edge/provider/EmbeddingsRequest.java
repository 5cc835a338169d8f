package dev.switchboard.edge.provider;

import dev.switchboard.edge.api.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated OpenAI embeddings request.
 *
 * @param texts          the inputs when they are text (one string or an array of strings); null when the client
 *                       sent token arrays, which only OpenAI-format providers accept
 * @param encodingFormat {@code float} (the default) or {@code base64}
 * @param dimensions     the requested output dimensions, or null
 */
public record EmbeddingsRequest(ObjectNode body, String model, List<String> texts, int inputCount,
                                String encodingFormat, Integer dimensions, String user) {

    /** OpenAI's own limit on inputs per request. */
    public static final int MAX_INPUTS = 2048;

    private static final Set<String> FIELDS =
            Set.of("model", "input", "encoding_format", "dimensions", "user");

    public static EmbeddingsRequest from(ObjectNode body) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw GatewayException.invalidRequest(field.getKey(),
                        "Unrecognized request argument supplied: " + field.getKey());
            }
        }
        JsonNode model = body.path("model");
        if (!model.isString() || model.stringValue().isBlank()) {
            throw GatewayException.invalidRequest("model", "you must provide a model parameter");
        }
        JsonNode input = body.path("input");
        List<String> texts = null;
        int count;
        if (input.isString()) {
            texts = List.of(input.stringValue());
            count = 1;
        } else if (input.isArray() && !input.isEmpty()) {
            count = input.size();
            if (count > MAX_INPUTS) {
                throw GatewayException.invalidRequest("input", "'input' may hold at most " + MAX_INPUTS + " items");
            }
            texts = textsOrTokens(input);
        } else {
            throw GatewayException.invalidRequest("input",
                    "'input' must be a string, an array of strings, or an array of token arrays, and not empty");
        }
        if (texts != null && texts.stream().anyMatch(String::isEmpty)) {
            throw GatewayException.invalidRequest("input", "'input' must not contain empty strings");
        }
        JsonNode format = body.path("encoding_format");
        String encoding = "float";
        if (!format.isMissingNode() && !format.isNull()) {
            if (!format.isString() || !(format.stringValue().equals("float") || format.stringValue().equals("base64"))) {
                throw GatewayException.invalidRequest("encoding_format", "'encoding_format' must be 'float' or 'base64'");
            }
            encoding = format.stringValue();
        }
        JsonNode dimensionsNode = body.path("dimensions");
        Integer dimensions = null;
        if (!dimensionsNode.isMissingNode() && !dimensionsNode.isNull()) {
            if (!dimensionsNode.isIntegralNumber() || !dimensionsNode.canConvertToInt() || dimensionsNode.intValue() < 1) {
                throw GatewayException.invalidRequest("dimensions", "'dimensions' must be a positive integer");
            }
            dimensions = dimensionsNode.intValue();
        }
        JsonNode user = body.path("user");
        if (!user.isMissingNode() && !user.isNull() && !user.isString()) {
            throw GatewayException.invalidRequest("user", "'user' must be a string");
        }
        return new EmbeddingsRequest(body, model.stringValue(), texts, count, encoding, dimensions,
                user.isString() ? user.stringValue() : null);
    }

    /** The strings of an all-string array; null for an array of token arrays (or of integers). */
    private static List<String> textsOrTokens(JsonNode input) {
        JsonNode first = input.get(0);
        if (first.isString()) {
            List<String> texts = new ArrayList<>(input.size());
            for (JsonNode item : input) {
                if (!item.isString()) {
                    throw GatewayException.invalidRequest("input", "'input' must not mix strings and tokens");
                }
                texts.add(item.stringValue());
            }
            return texts;
        }
        boolean nested = first.isArray();
        for (JsonNode item : input) {
            boolean valid = nested ? item.isArray() && !item.isEmpty() && allIntegers(item) : item.isIntegralNumber();
            if (!valid) {
                throw GatewayException.invalidRequest("input",
                        "'input' must be a string, an array of strings, or an array of token arrays");
            }
        }
        return null;
    }

    private static boolean allIntegers(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }
}
