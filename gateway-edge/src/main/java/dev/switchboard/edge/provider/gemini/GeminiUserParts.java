package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.api.GatewayException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user message's content as Gemini parts. Images, audio and files travel inline ({@code inlineData}); a URL is
 * refused, because the gateway does not fetch client-supplied URLs and Gemini cannot fetch arbitrary ones.
 */
final class GeminiUserParts {

    private final JsonMapper json;

    GeminiUserParts(JsonMapper json) {
        this.json = json;
    }

    ArrayNode translate(JsonNode content, String where) {
        ArrayNode parts = json.createArrayNode();
        if (content.isString()) {
            parts.addObject().put("text", content.stringValue());
            return parts;
        }
        if (!content.isArray()) {
            throw GatewayException.invalidRequest(where, "'content' must be a string or an array of parts.");
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String at = where + "[" + j + "]";
            switch (part.path("type").asString("")) {
                case "text" -> {
                    if (!part.path("text").isString()) {
                        throw GatewayException.invalidRequest(at + ".text", "'text' must be a string.");
                    }
                    parts.addObject().put("text", part.path("text").stringValue());
                }
                case "image_url" -> parts.add(image(part.path("image_url").path("url"), at + ".image_url.url"));
                case "input_audio" -> parts.add(audio(part.path("input_audio"), at + ".input_audio"));
                case "file" -> parts.add(file(part.path("file"), at + ".file"));
                default -> throw GatewayException.invalidRequest(at + ".type", "Content part type '"
                        + part.path("type").asString("") + "' is not supported for Gemini models.");
            }
        }
        return parts;
    }

    private ObjectNode image(JsonNode url, String where) {
        if (!url.isString()) {
            throw GatewayException.invalidRequest(where, "'url' must be a string.");
        }
        if (!url.stringValue().startsWith("data:")) {
            throw GatewayException.invalidRequest(where, "Gemini models take images as base64 data URLs "
                    + "(data:image/png;base64,...); the gateway does not fetch image URLs.");
        }
        return dataUrl(url.stringValue(), where);
    }

    private ObjectNode audio(JsonNode audio, String where) {
        JsonNode data = audio.path("data");
        String format = audio.path("format").asString("");
        if (!data.isString() || !(format.equals("wav") || format.equals("mp3"))) {
            throw GatewayException.invalidRequest(where, "'input_audio' needs base64 'data' and a 'format' of "
                    + "wav or mp3.");
        }
        return inline("audio/" + format, data.stringValue());
    }

    private ObjectNode file(JsonNode file, String where) {
        JsonNode data = file.path("file_data");
        if (!data.isString() || !data.stringValue().startsWith("data:")) {
            throw GatewayException.invalidRequest(where, "Gemini models take files as base64 'file_data' data "
                    + "URLs; uploaded file ids are not supported.");
        }
        return dataUrl(data.stringValue(), where + ".file_data");
    }

    /** {@code data:<mime>[;param...];base64,<data>} as an {@code inlineData} part. */
    private ObjectNode dataUrl(String url, String where) {
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring("data:".length(), comma);
        String[] fields = header.split(";");
        boolean base64 = fields.length > 1 && fields[fields.length - 1].equalsIgnoreCase("base64");
        if (comma < 0 || !base64 || fields[0].isBlank() || comma == url.length() - 1) {
            throw GatewayException.invalidRequest(where, "Data URLs must look like data:<mime type>;base64,<data>.");
        }
        return inline(fields[0].trim().toLowerCase(Locale.ROOT), url.substring(comma + 1));
    }

    private ObjectNode inline(String mimeType, String data) {
        ObjectNode part = json.createObjectNode();
        ObjectNode inline = part.putObject("inlineData");
        inline.put("mimeType", mimeType);
        inline.put("data", data);
        return part;
    }
}
