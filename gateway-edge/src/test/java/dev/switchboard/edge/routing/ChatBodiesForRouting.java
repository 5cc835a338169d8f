package dev.switchboard.edge.routing;

import dev.switchboard.edge.provider.ChatRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Validated chat requests from JSON text, for the routing tests. */
final class ChatBodiesForRouting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatBodiesForRouting() {
    }

    static ChatRequest chat(String json) {
        return ChatRequest.from((ObjectNode) JSON.readTree(json));
    }

    static ChatRequest userSays(String text) {
        return chat("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
                + JSON.writeValueAsString(text) + "}]}");
    }
}
