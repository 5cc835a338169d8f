package dev.switchboard.edge.provider.openai;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Rewrites a client's chat request for an OpenAI-format upstream. */
public final class OpenAiRequestWriter {

    private final JsonMapper json;

    public OpenAiRequestWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * Sets the provider's model name and, on streams, always asks for the usage chunk: without it a streamed
     * request could not be billed from provider-reported usage. The client's own body is modified in place.
     */
    public byte[] write(ObjectNode body, String upstreamModel, boolean stream) {
        body.put("model", upstreamModel);
        if (stream) {
            ObjectNode options = body.path("stream_options").isObject()
                    ? (ObjectNode) body.get("stream_options")
                    : body.putObject("stream_options");
            options.put("include_usage", true);
        }
        return json.writeValueAsBytes(body);
    }
}
