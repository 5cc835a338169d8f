package dev.switchboard.edge.provider.openai;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Rewrites a client's chat request for an OpenAI-format upstream, and only when it has to. */
public final class OpenAiRequestWriter {

    private final JsonMapper json;

    public OpenAiRequestWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * The body to send upstream: the provider's model name and, on streams, a request for the usage chunk
     * (without it a streamed request could not be billed from provider-reported usage). When the client's body
     * already says both, its own bytes go out untouched, sparing a serialisation on the hot path.
     */
    public byte[] write(byte[] original, ObjectNode body, String upstreamModel, boolean stream) {
        boolean sameModel = upstreamModel.equals(body.path("model").asString(null));
        JsonNode includeUsage = body.path("stream_options").path("include_usage");
        boolean usageRequested = !stream || (includeUsage.isBoolean() && includeUsage.booleanValue());
        if (sameModel && usageRequested) {
            return original;
        }
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
