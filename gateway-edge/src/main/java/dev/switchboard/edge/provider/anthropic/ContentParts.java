package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.GatewayException;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns OpenAI message content (a string or an array of parts) into Anthropic content blocks. Empty text is
 * skipped because Anthropic refuses empty text blocks; an image's {@code detail} has no Anthropic counterpart.
 */
final class ContentParts {

    /** The only base64 image types Anthropic accepts (wire-formats §2.2, pitfall 19). */
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private final JsonMapper json;

    ContentParts(JsonMapper json) {
        this.json = json;
    }

    /** User content: text and images. */
    ArrayNode user(JsonNode content, String where) {
        ArrayNode blocks = json.createArrayNode();
        if (content.isString()) {
            addText(blocks, content.stringValue());
            return blocks;
        }
        if (!content.isArray()) {
            throw invalid(where + ".content must be a string or an array of content parts.");
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String type = part.path("type").asString("");
            String at = where + ".content[" + i + "]";
            switch (type) {
                case "text" -> addText(blocks, text(part, "text", at));
                case "image_url" -> blocks.add(image(part.path("image_url"), at));
                case "input_audio" -> throw invalid(at + ": audio input is not supported for this model.");
                case "file" -> throw invalid(at + ": file input is not supported for this model.");
                default -> throw invalid(at + ": unsupported content part type '" + type + "'.");
            }
        }
        return blocks;
    }

    /** Text-only content, as system, developer and tool messages carry; null content gives no blocks. */
    ArrayNode text(JsonNode content, String where) {
        ArrayNode blocks = json.createArrayNode();
        if (content.isMissingNode() || content.isNull()) {
            return blocks;
        }
        if (content.isString()) {
            addText(blocks, content.stringValue());
            return blocks;
        }
        if (!content.isArray()) {
            throw invalid(where + ".content must be a string or an array of text parts.");
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String at = where + ".content[" + i + "]";
            switch (part.path("type").asString("")) {
                case "text" -> addText(blocks, text(part, "text", at));
                // a refusal the assistant gave earlier is still what it said
                case "refusal" -> addText(blocks, text(part, "refusal", at));
                default -> throw invalid(at + ": only text parts are supported here.");
            }
        }
        return blocks;
    }

    private void addText(ArrayNode blocks, String text) {
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
    }

    /** A data URL becomes a base64 source, an https URL a url source; nothing else can reach Anthropic. */
    private ObjectNode image(JsonNode imageUrl, String where) {
        JsonNode urlNode = imageUrl.isString() ? imageUrl : imageUrl.path("url");
        if (!urlNode.isString() || urlNode.stringValue().isBlank()) {
            throw invalid(where + ".image_url.url is required.");
        }
        String url = urlNode.stringValue().trim();
        ObjectNode block = json.createObjectNode().put("type", "image");
        ObjectNode source = block.putObject("source");
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma).toLowerCase(Locale.ROOT);
            String data = comma < 0 ? "" : url.substring(comma + 1);
            if (!header.endsWith(";base64") || data.isEmpty()) {
                throw invalid(where + ": an image data URL must be base64 encoded.");
            }
            String mediaType = header.substring(0, header.indexOf(';'));
            if (mediaType.equals("image/jpg")) {
                mediaType = "image/jpeg";
            }
            if (!IMAGE_TYPES.contains(mediaType)) {
                throw invalid(where + ": image type '" + mediaType + "' is not supported for this model; "
                        + "use image/jpeg, image/png, image/gif or image/webp.");
            }
            source.put("type", "base64").put("media_type", mediaType).put("data", data);
        } else if (url.regionMatches(true, 0, "https://", 0, 8)) {
            source.put("type", "url").put("url", url);
        } else {
            throw invalid(where + ": an image URL must be an https URL or a base64 data URL.");
        }
        return block;
    }

    private static String text(JsonNode part, String field, String where) {
        JsonNode text = part.path(field);
        if (!text.isString()) {
            throw invalid(where + "." + field + " must be a string.");
        }
        return text.stringValue();
    }

    static GatewayException invalid(String message) {
        return GatewayException.invalidRequest("messages", message);
    }
}
