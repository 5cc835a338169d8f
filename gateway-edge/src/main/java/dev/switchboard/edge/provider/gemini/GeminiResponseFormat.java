package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.api.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI {@code response_format} as Gemini structured output: JSON mode is {@code responseMimeType}, and a JSON
 * schema goes, unconverted, into {@code responseJsonSchema}.
 */
final class GeminiResponseFormat {

    private GeminiResponseFormat() {
    }

    static void apply(JsonNode format, ObjectNode config) {
        if (format.isMissingNode() || format.isNull()) {
            return;
        }
        switch (format.path("type").asString("")) {
            case "text" -> {
            }
            case "json_object" -> config.put("responseMimeType", "application/json");
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema").path("schema");
                if (!schema.isObject()) {
                    throw GatewayException.invalidRequest("response_format",
                            "'response_format.json_schema.schema' must be a JSON Schema object for Gemini models.");
                }
                config.put("responseMimeType", "application/json");
                config.set("responseJsonSchema", schema);
            }
            default -> throw GatewayException.invalidRequest("response_format",
                    "'response_format.type' must be text, json_object or json_schema.");
        }
    }
}
