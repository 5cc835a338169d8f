package dev.switchboard.edge.provider;

import dev.switchboard.edge.api.GatewayException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Type and range checks on one JSON value of a request. Each failure is a 400 naming the field in {@code param},
 * worded like OpenAI's own ("Invalid type for 'x': expected …, but got … instead."). Callers build {@code param}
 * strings only on their error paths where the name is not a constant.
 */
final class FieldChecks {

    /** Longest client-supplied name echoed in a message; longer ones are cut. */
    private static final int SHOWN_NAME_CHARS = 100;

    private FieldChecks() {
    }

    static String string(JsonNode value, String param) {
        if (!value.isString()) {
            throw wrongType(param, "a string", value);
        }
        return value.stringValue();
    }

    static String string(JsonNode value, String param, int maxChars) {
        String text = string(value, param);
        if (text.length() > maxChars) {
            throw GatewayException.invalidRequest(param, "Invalid '" + param + "': string too long. Expected a string"
                    + " with maximum length " + maxChars + ", but got a string with length " + text.length()
                    + " instead.");
        }
        return text;
    }

    static boolean bool(JsonNode value, String param) {
        if (!value.isBoolean()) {
            throw wrongType(param, "a boolean", value);
        }
        return value.booleanValue();
    }

    static double number(JsonNode value, String param, double min, double max) {
        if (!value.isNumber()) {
            throw wrongType(param, "a number", value);
        }
        double number = value.doubleValue();
        if (!(number >= min && number <= max)) {
            throw outOfRange(param, "a number", plain(min), plain(max), value);
        }
        return number;
    }

    static long integer(JsonNode value, String param, long min, long max) {
        if (!value.isIntegralNumber()) {
            throw wrongType(param, "an integer", value);
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw outOfRange(param, "an integer", Long.toString(min), Long.toString(max), value);
        }
        return value.longValue();
    }

    static String oneOf(JsonNode value, String param, Set<String> allowed) {
        String text = string(value, param);
        if (!allowed.contains(text)) {
            throw GatewayException.invalidRequest(param, "Invalid value for '" + param + "': '" + shown(text)
                    + "'. Supported values are: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return text;
    }

    static ObjectNode object(JsonNode value, String param) {
        if (!(value instanceof ObjectNode object)) {
            throw wrongType(param, "an object", value);
        }
        return object;
    }

    static ArrayNode array(JsonNode value, String param) {
        if (!(value instanceof ArrayNode array)) {
            throw wrongType(param, "an array", value);
        }
        return array;
    }

    static ArrayNode nonEmptyArray(JsonNode value, String param) {
        ArrayNode array = array(value, param);
        if (array.isEmpty()) {
            throw GatewayException.invalidRequest(param, "Invalid '" + param + "': empty array. Expected an array"
                    + " with minimum length 1, but got an empty array instead.");
        }
        return array;
    }

    static GatewayException tooMany(String param, int max, int actual) {
        return GatewayException.invalidRequest(param, "Invalid '" + param + "': array too long. Expected an array"
                + " with maximum length " + max + ", but got an array with length " + actual + " instead.");
    }

    static GatewayException missing(String param) {
        return GatewayException.invalidRequest(param, "Missing required parameter: '" + param + "'.");
    }

    /** A field OpenAI's format does not have at this place, e.g. a typo or another vendor's parameter. */
    static GatewayException unrecognized(String param) {
        return GatewayException.invalidRequest(param, "Unrecognized request argument supplied: " + shown(param));
    }

    static GatewayException wrongType(String param, String expected, JsonNode actual) {
        return GatewayException.invalidRequest(param, "Invalid type for '" + param + "': expected " + expected
                + ", but got " + typeOf(actual) + " instead.");
    }

    /** OpenAI's rule for function and schema names: 1 to 64 of a-z, A-Z, 0-9, '_' and '-'. */
    static boolean isName(String name) {
        int length = name.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    static String name(JsonNode value, String param) {
        String name = string(value, param);
        if (!isName(name)) {
            throw GatewayException.invalidRequest(param, "Invalid '" + param + "': '" + shown(name) + "' must be 1 to"
                    + " 64 characters of a-z, A-Z, 0-9, underscores and dashes.");
        }
        return name;
    }

    /** A client-supplied text cut to a length that is safe to echo. */
    static String shown(String text) {
        return text.length() <= SHOWN_NAME_CHARS ? text : text.substring(0, SHOWN_NAME_CHARS) + "…";
    }

    private static GatewayException outOfRange(String param, String kind, String min, String max, JsonNode value) {
        return GatewayException.invalidRequest(param, "Invalid '" + param + "': expected " + kind + " between "
                + min + " and " + max + ", but got " + shown(value.toString()) + " instead.");
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound)
                : Double.toString(bound);
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }
}
