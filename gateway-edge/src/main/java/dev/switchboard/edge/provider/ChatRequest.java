package dev.switchboard.edge.provider;

import dev.switchboard.edge.api.GatewayException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated chat request in the gateway's canonical (OpenAI) shape: the fields the gateway acts on and the parsed
 * body adapters rebuild upstream requests from. Both ingress APIs produce one.
 *
 * @param streamUsageWanted whether the stream's consumer wants the final usage chunk: the OpenAI client's
 *                          {@code stream_options.include_usage}, or always for the Anthropic API, which needs the
 *                          usage to finish its own stream
 * @param maxOutputTokens   {@code max_completion_tokens}, else {@code max_tokens}, else null
 */
public record ChatRequest(ObjectNode body, String model, boolean stream, boolean streamUsageWanted,
                          Long maxOutputTokens, String user, Map<String, String> metadata) {

    public static ChatRequest from(ObjectNode body) {
        JsonNode model = body.path("model");
        if (!model.isString() || model.stringValue().isBlank()) {
            throw GatewayException.invalidRequest("model", "you must provide a model parameter");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw GatewayException.invalidRequest("messages", "'messages' must be a non-empty array");
        }
        for (JsonNode message : messages) {
            if (!message.isObject() || !message.path("role").isString()) {
                throw GatewayException.invalidRequest("messages", "each message must be an object with a 'role'");
            }
        }
        boolean stream = flag(body, "stream");
        JsonNode streamOptions = body.path("stream_options");
        if (!streamOptions.isMissingNode() && !streamOptions.isNull() && !streamOptions.isObject()) {
            throw GatewayException.invalidRequest("stream_options", "'stream_options' must be an object");
        }
        boolean wantsUsage = stream && streamOptions.path("include_usage").asBoolean(false);
        Long maxTokens = positiveInt(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = positiveInt(body, "max_tokens");
        }
        String user = body.path("user").isString() ? body.path("user").stringValue() : null;
        return new ChatRequest(body, model.stringValue(), stream, wantsUsage, maxTokens, user, metadata(body));
    }

    public JsonNode messages() {
        return body.path("messages");
    }

    private static boolean flag(ObjectNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw GatewayException.invalidRequest(field, "'" + field + "' must be a boolean");
        }
        return value.booleanValue();
    }

    private static Long positiveInt(ObjectNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 1) {
            throw GatewayException.invalidRequest(field, "'" + field + "' must be a positive integer");
        }
        return value.longValue();
    }

    /** OpenAI {@code metadata}: string to string, at most 16 pairs; used as tags on the usage event. */
    private static Map<String, String> metadata(ObjectNode body) {
        JsonNode value = body.path("metadata");
        if (value.isMissingNode() || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject() || value.size() > 16) {
            throw GatewayException.invalidRequest("metadata", "'metadata' must be an object of at most 16 strings");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isString()) {
                throw GatewayException.invalidRequest("metadata", "metadata values must be strings");
            }
            tags.put(entry.getKey(), entry.getValue().stringValue());
        }
        return tags;
    }
}
