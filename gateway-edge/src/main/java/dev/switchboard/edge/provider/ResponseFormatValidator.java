package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.FieldChecks.object;
import static dev.switchboard.edge.provider.FieldChecks.unrecognized;

import dev.switchboard.edge.api.GatewayException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks {@code response_format}: {@code {type:"text"}}, {@code {type:"json_object"}} or
 * {@code {type:"json_schema", json_schema:{name, description?, schema?, strict?}}}.
 */
final class ResponseFormatValidator {

    private ResponseFormatValidator() {
    }

    static void validate(JsonNode value) {
        ObjectNode format = object(value, "response_format");
        JsonNode type = format.get("type");
        if (type == null) {
            throw FieldChecks.missing("response_format.type");
        }
        String kind = FieldChecks.string(type, "response_format.type");
        switch (kind) {
            case "text", "json_object" -> onlyType(format);
            case "json_schema" -> jsonSchema(format);
            default -> throw GatewayException.invalidRequest("response_format.type", "Invalid value for"
                    + " 'response_format.type': '" + FieldChecks.shown(kind)
                    + "'. Supported values are: text, json_object, json_schema.");
        }
    }

    private static void onlyType(ObjectNode format) {
        for (String field : format.propertyNames()) {
            if (!"type".equals(field)) {
                throw unrecognized("response_format." + field);
            }
        }
    }

    private static void jsonSchema(ObjectNode format) {
        for (String field : format.propertyNames()) {
            if (!"type".equals(field) && !"json_schema".equals(field)) {
                throw unrecognized("response_format." + field);
            }
        }
        JsonNode value = format.get("json_schema");
        if (value == null) {
            throw FieldChecks.missing("response_format.json_schema");
        }
        ObjectNode schema = object(value, "response_format.json_schema");
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            JsonNode option = field.getValue();
            switch (field.getKey()) {
                case "name" -> FieldChecks.name(option, "response_format.json_schema.name");
                case "description" -> FieldChecks.string(option, "response_format.json_schema.description");
                case "schema" -> object(option, "response_format.json_schema.schema");
                case "strict" -> {
                    if (!option.isNull()) {
                        FieldChecks.bool(option, "response_format.json_schema.strict");
                    }
                }
                default -> throw unrecognized("response_format.json_schema." + field.getKey());
            }
        }
        if (!schema.has("name")) {
            throw FieldChecks.missing("response_format.json_schema.name");
        }
    }
}
