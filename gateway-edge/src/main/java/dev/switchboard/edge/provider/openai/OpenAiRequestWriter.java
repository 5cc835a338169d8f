package dev.switchboard.edge.provider.openai;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Rewrites a client's chat request for an OpenAI-format upstream, and only when it has to. */
public final class OpenAiRequestWriter {

    private final JsonMapper json;

    public OpenAiRequestWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * The body to send upstream, rebuilt from the validated request: the provider's model name and, on streams, a
     * request for the usage chunk (without it a streamed request could not be billed from provider usage).
     */
    public byte[] write(ObjectNode validated, String upstreamModel, boolean stream) {
        return json.writeValueAsBytes(body(validated, upstreamModel, stream));
    }

    /**
     * Adjusts {@code body} in place: the validated body belongs to its one request, and sparing a copy matters on
     * the hot path. Callers that change more than OpenAI needs copy it first.
     */
    ObjectNode body(ObjectNode body, String upstreamModel, boolean stream) {
        body.put("model", upstreamModel);
        if (stream) {
            ObjectNode options = body.path("stream_options").isObject()
                    ? (ObjectNode) body.get("stream_options")
                    : body.putObject("stream_options");
            options.put("include_usage", true);
        } else {
            // vLLM refuses stream_options without a stream
            body.remove("stream_options");
        }
        return body;
    }
}
