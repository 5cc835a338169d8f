package dev.switchboard.edge.routing;

import dev.switchboard.contracts.routing.RequiredCapabilities;
import dev.switchboard.edge.provider.ChatRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What a validated chat request needs from a model, read from the fields that need it. */
final class ChatCapabilities {

    private ChatCapabilities() {
    }

    static RequiredCapabilities required(ChatRequest chat) {
        ObjectNode body = chat.body();
        boolean tools = nonEmptyArray(body.get("tools")) || nonEmptyArray(body.get("functions"));
        String format = body.path("response_format").path("type").asString("");
        boolean structured = "json_object".equals(format) || "json_schema".equals(format);
        boolean reasoning = body.hasNonNull("reasoning_effort");
        boolean vision = hasImage(chat.messages());
        if (!tools && !structured && !vision && !reasoning) {
            return RequiredCapabilities.NONE;
        }
        return new RequiredCapabilities(tools, structured, vision, reasoning);
    }

    private static boolean nonEmptyArray(JsonNode node) {
        return node != null && node.isArray() && !node.isEmpty();
    }

    private static boolean hasImage(JsonNode messages) {
        for (JsonNode message : messages) {
            JsonNode content = message.path("content");
            if (content.isArray()) {
                for (JsonNode part : content) {
                    if ("image_url".equals(part.path("type").asString(""))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
