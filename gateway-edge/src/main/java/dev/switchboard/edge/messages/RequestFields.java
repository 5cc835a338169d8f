package dev.switchboard.edge.messages;

import dev.switchboard.edge.api.GatewayException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks on Anthropic request values. Failures are 400s whose {@code param} is the field's path in Anthropic's own
 * notation ({@code messages.0.content.1.type}) and whose message starts with that path, as Anthropic's do, because
 * the Anthropic error body has no {@code param} of its own.
 */
final class RequestFields {

    private RequestFields() {
    }

    static GatewayException invalid(String path, String why) {
        return GatewayException.invalidRequest(path, path + ": " + why);
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    /** Refuses any field of {@code object} not in {@code allowed}: an unknown field is never silently dropped. */
    static void onlyKnown(JsonNode object, String path, Set<String> allowed) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw invalid(join(path, name), "unknown field; this gateway cannot carry it to the provider");
            }
        }
    }

    static JsonNode object(JsonNode value, String path) {
        if (value == null || !value.isObject()) {
            throw invalid(path, "must be an object");
        }
        return value;
    }

    static String string(JsonNode value, String path) {
        if (absent(value)) {
            throw invalid(path, "field required");
        }
        if (!value.isString()) {
            throw invalid(path, "must be a string");
        }
        return value.stringValue();
    }

    static String nonBlankString(JsonNode value, String path) {
        String text = string(value, path);
        if (text.isBlank()) {
            throw invalid(path, "must not be empty");
        }
        return text;
    }

    /** A number within {@code [min, max]}; sampling parameters, so a double is exact enough. */
    static JsonNode numberBetween(JsonNode value, String path, double min, double max) {
        if (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max) {
            throw invalid(path, "must be a number between " + min + " and " + max);
        }
        return value;
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String at(String path, int index) {
        return path + "." + index;
    }
}
