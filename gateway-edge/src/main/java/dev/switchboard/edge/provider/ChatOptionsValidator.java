package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.FieldChecks.object;
import static dev.switchboard.edge.provider.FieldChecks.oneOf;
import static dev.switchboard.edge.provider.FieldChecks.string;
import static dev.switchboard.edge.provider.FieldChecks.unrecognized;

import dev.switchboard.edge.api.GatewayException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks the chat request's object- and array-valued options (all but messages, tools and response_format). */
final class ChatOptionsValidator {

    private static final int MAX_STOP_SEQUENCES = 4;
    private static final int MAX_METADATA_PAIRS = 16;
    private static final Set<String> MODALITIES = Set.of("text", "audio");
    private static final Set<String> AUDIO_FORMATS = Set.of("wav", "aac", "mp3", "flac", "opus", "pcm16");
    private static final Set<String> SEARCH_CONTEXT_SIZES = Set.of("low", "medium", "high");
    private static final Set<String> LOCATION_FIELDS = Set.of("city", "country", "region", "timezone");

    private ChatOptionsValidator() {
    }

    /** {@code stop}: one string, or 1 to 4 strings. */
    static void stop(JsonNode value) {
        if (value.isString()) {
            return;
        }
        ArrayNode stops = FieldChecks.nonEmptyArray(value, "stop");
        if (stops.size() > MAX_STOP_SEQUENCES) {
            throw FieldChecks.tooMany("stop", MAX_STOP_SEQUENCES, stops.size());
        }
        for (int i = 0; i < stops.size(); i++) {
            if (!stops.get(i).isString()) {
                throw FieldChecks.wrongType("stop[" + i + "]", "a string", stops.get(i));
            }
        }
    }

    /** {@code stream_options}; returns whether the client asked for the usage chunk. */
    static boolean streamOptions(JsonNode value) {
        boolean includeUsage = false;
        for (Map.Entry<String, JsonNode> field : object(value, "stream_options").properties()) {
            JsonNode option = field.getValue();
            switch (field.getKey()) {
                case "include_usage" -> includeUsage = !option.isNull()
                        && FieldChecks.bool(option, "stream_options.include_usage");
                case "include_obfuscation" -> {
                    if (!option.isNull()) {
                        FieldChecks.bool(option, "stream_options.include_obfuscation");
                    }
                }
                default -> throw unrecognized("stream_options." + field.getKey());
            }
        }
        return includeUsage;
    }

    /** {@code metadata}: at most 16 string pairs, keys up to 64 characters and values up to 512. */
    static Map<String, String> metadata(JsonNode value) {
        ObjectNode pairs = object(value, "metadata");
        if (pairs.size() > MAX_METADATA_PAIRS) {
            throw GatewayException.invalidRequest("metadata", "Invalid 'metadata': too many properties. Expected an"
                    + " object with at most " + MAX_METADATA_PAIRS + " properties, but got " + pairs.size() + ".");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> pair : pairs.properties()) {
            String key = pair.getKey();
            if (key.length() > 64) {
                throw GatewayException.invalidRequest("metadata", "Invalid 'metadata': the key '"
                        + FieldChecks.shown(key) + "' is longer than 64 characters.");
            }
            JsonNode tag = pair.getValue();
            if (!tag.isString()) {
                throw FieldChecks.wrongType("metadata." + FieldChecks.shown(key), "a string", tag);
            }
            if (tag.stringValue().length() > 512) {
                throw GatewayException.invalidRequest("metadata." + FieldChecks.shown(key), "Invalid 'metadata."
                        + FieldChecks.shown(key) + "': values are limited to 512 characters.");
            }
            tags.put(key, tag.stringValue());
        }
        return tags;
    }

    /** {@code logit_bias}: token ids (as decimal strings) to integer biases from -100 to 100. */
    static void logitBias(JsonNode value) {
        for (Map.Entry<String, JsonNode> bias : object(value, "logit_bias").properties()) {
            String token = bias.getKey();
            if (!isTokenId(token)) {
                throw GatewayException.invalidRequest("logit_bias", "Invalid key in 'logit_bias': '"
                        + FieldChecks.shown(token) + "'. Keys must be token ids, written as non-negative integers.");
            }
            JsonNode amount = bias.getValue();
            if (!amount.isIntegralNumber() || !amount.canConvertToInt()
                    || amount.intValue() < -100 || amount.intValue() > 100) {
                throw GatewayException.invalidRequest("logit_bias", "Invalid value for 'logit_bias' token "
                        + token + ": expected an integer between -100 and 100, but got "
                        + FieldChecks.shown(amount.toString()) + ".");
            }
        }
    }

    /** {@code modalities}: "text" and/or "audio"; returns whether audio output is asked for. */
    static boolean modalities(JsonNode value) {
        ArrayNode modalities = FieldChecks.array(value, "modalities");
        boolean audio = false;
        for (int i = 0; i < modalities.size(); i++) {
            JsonNode modality = modalities.get(i);
            if (!modality.isString() || !MODALITIES.contains(modality.stringValue())) {
                oneOf(modality, "modalities[" + i + "]", MODALITIES);
            }
            audio |= "audio".equals(modality.stringValue());
        }
        return audio;
    }

    /** {@code audio}: output voice (a name or {@code {id}}) and format. */
    static void audio(JsonNode value) {
        ObjectNode audio = object(value, "audio");
        for (Map.Entry<String, JsonNode> field : audio.properties()) {
            switch (field.getKey()) {
                case "voice" -> voice(field.getValue());
                case "format" -> oneOf(field.getValue(), "audio.format", AUDIO_FORMATS);
                default -> throw unrecognized("audio." + field.getKey());
            }
        }
        if (!audio.has("voice")) {
            throw FieldChecks.missing("audio.voice");
        }
        if (!audio.has("format")) {
            throw FieldChecks.missing("audio.format");
        }
    }

    private static void voice(JsonNode voice) {
        if (voice.isString()) {
            return;
        }
        if (!(voice instanceof ObjectNode custom)) {
            throw FieldChecks.wrongType("audio.voice", "a string or an object with an 'id'", voice);
        }
        for (Map.Entry<String, JsonNode> field : custom.properties()) {
            if (!"id".equals(field.getKey())) {
                throw unrecognized("audio.voice." + field.getKey());
            }
            string(field.getValue(), "audio.voice.id");
        }
        if (!custom.has("id")) {
            throw FieldChecks.missing("audio.voice.id");
        }
    }

    /** {@code prediction}: {@code {type:"content", content: string or text parts}}. */
    static void prediction(JsonNode value) {
        ObjectNode prediction = object(value, "prediction");
        for (Map.Entry<String, JsonNode> field : prediction.properties()) {
            switch (field.getKey()) {
                case "type" -> {
                    if (!"content".equals(string(field.getValue(), "prediction.type"))) {
                        throw GatewayException.invalidRequest("prediction.type",
                                "Invalid value for 'prediction.type': the only supported value is 'content'.");
                    }
                }
                case "content" -> ContentValidator.prediction(field.getValue());
                default -> throw unrecognized("prediction." + field.getKey());
            }
        }
        if (!prediction.has("type")) {
            throw FieldChecks.missing("prediction.type");
        }
        if (!prediction.has("content")) {
            throw FieldChecks.missing("prediction.content");
        }
    }

    /** {@code web_search_options}: context size and the user's approximate location. */
    static void webSearchOptions(JsonNode value) {
        for (Map.Entry<String, JsonNode> field : object(value, "web_search_options").properties()) {
            switch (field.getKey()) {
                case "search_context_size" -> oneOf(field.getValue(), "web_search_options.search_context_size",
                        SEARCH_CONTEXT_SIZES);
                case "user_location" -> {
                    if (!field.getValue().isNull()) {
                        userLocation(field.getValue());
                    }
                }
                default -> throw unrecognized("web_search_options." + field.getKey());
            }
        }
    }

    private static void userLocation(JsonNode value) {
        String param = "web_search_options.user_location";
        ObjectNode location = object(value, param);
        for (Map.Entry<String, JsonNode> field : location.properties()) {
            switch (field.getKey()) {
                case "type" -> {
                    if (!"approximate".equals(string(field.getValue(), param + ".type"))) {
                        throw GatewayException.invalidRequest(param + ".type", "Invalid value for '" + param
                                + ".type': the only supported value is 'approximate'.");
                    }
                }
                case "approximate" -> approximate(field.getValue(), param + ".approximate");
                default -> throw unrecognized(param + "." + field.getKey());
            }
        }
        if (!location.has("type")) {
            throw FieldChecks.missing(param + ".type");
        }
        if (!location.has("approximate")) {
            throw FieldChecks.missing(param + ".approximate");
        }
    }

    private static void approximate(JsonNode value, String param) {
        for (Map.Entry<String, JsonNode> field : object(value, param).properties()) {
            if (!LOCATION_FIELDS.contains(field.getKey())) {
                throw unrecognized(param + "." + field.getKey());
            }
            if (!field.getValue().isNull()) {
                string(field.getValue(), param + "." + field.getKey());
            }
        }
    }

    private static boolean isTokenId(String key) {
        if (key.isEmpty() || key.length() > 10) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
