package dev.switchboard.edge.provider;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated chat request in the gateway's canonical (OpenAI) shape: the fields the gateway acts on and the parsed
 * body adapters rebuild upstream requests from. Both ingress APIs produce one.
 *
 * <p>A body that passed {@link #from} holds only fields of OpenAI's chat format, each of the documented type and
 * range, and no optional field set to {@code null} (those are removed; a message's {@code content} is the one
 * exception, as OpenAI gives it a meaning).
 *
 * @param streamUsageWanted whether the stream's consumer wants the final usage chunk: the OpenAI client's
 *                          {@code stream_options.include_usage}, or always for the Anthropic API, which needs the
 *                          usage to finish its own stream
 * @param maxOutputTokens   {@code max_completion_tokens}, else {@code max_tokens}, else null
 * @param metadata          OpenAI {@code metadata} (at most 16 string pairs), used as tags on the usage event
 */
public record ChatRequest(ObjectNode body, String model, boolean stream, boolean streamUsageWanted,
                          Long maxOutputTokens, String user, Map<String, String> metadata) {

    /** Validates an OpenAI chat request body within the default limits. */
    public static ChatRequest from(ObjectNode body) {
        return from(body, ChatRequestLimits.DEFAULTS);
    }

    /**
     * Validates an OpenAI chat request body, removing its null-valued optional fields.
     *
     * @throws dev.switchboard.edge.api.GatewayException a 400 naming the first offending field in {@code param}
     */
    public static ChatRequest from(ObjectNode body, ChatRequestLimits limits) {
        return ChatRequestValidator.validate(body, limits);
    }

    /**
     * This request with an output cap it did not set itself, e.g. the ceiling admission reserved for, written as
     * {@code max_completion_tokens} (adapters carry it into their own field: Anthropic's {@code max_tokens},
     * Gemini's {@code maxOutputTokens}, {@code max_tokens} for servers that read only that).
     */
    public ChatRequest withOutputCap(long cap) {
        body.put("max_completion_tokens", cap);
        return new ChatRequest(body, model, stream, streamUsageWanted, cap, user, metadata);
    }

    public JsonNode messages() {
        return body.path("messages");
    }
}
