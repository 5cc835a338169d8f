package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.GatewayException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, field by field, what of an OpenAI chat request can reach Anthropic. A field is translated, consumed by
 * the gateway and not forwarded, or refused with a 400 naming it; nothing is dropped unnoticed.
 *
 * <p>{@code reasoning_effort} is not forwarded: Anthropic's equivalent (extended thinking) returns signed thinking
 * blocks that must be sent back on every tool-use turn, and OpenAI-format history has no place for them, so such
 * conversations would fail on their second turn. Requests are served without extended thinking instead.
 */
final class RequestFieldPolicy {

    /** Fields the request translator turns into Anthropic fields. */
    private static final Set<String> TRANSLATED = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "stop", "stream", "tools", "tool_choice", "parallel_tool_calls",
            "response_format", "user", "safety_identifier");

    /** Fields that steer the gateway or OpenAI's own platform and mean nothing to Anthropic. */
    private static final Set<String> NOT_FORWARDED = Set.of("metadata", "store", "service_tier", "stream_options",
            "prompt_cache_key", "reasoning_effort");

    private static final Map<String, String> DEPRECATED = Map.of(
            "functions", "'functions' is deprecated and not supported for this model; use 'tools'.",
            "function_call", "'function_call' is deprecated and not supported for this model; use 'tool_choice'.");

    private RequestFieldPolicy() {
    }

    /** Refuses the first field of {@code body} that Anthropic cannot honour. */
    static void check(ObjectNode body) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (TRANSLATED.contains(name) || NOT_FORWARDED.contains(name) || value.isNull()) {
                continue;
            }
            if (DEPRECATED.containsKey(name)) {
                throw GatewayException.invalidRequest(name, DEPRECATED.get(name));
            }
            if (!honoured(name, value)) {
                throw GatewayException.invalidRequest(name, refusal(name));
            }
        }
    }

    /** Whether a field outside the translated set is only its neutral default, which needs no translation. */
    private static boolean honoured(String name, JsonNode value) {
        return switch (name) {
            case "n" -> value.isIntegralNumber() && value.longValue() == 1;
            case "logprobs" -> value.isBoolean() && !value.booleanValue();
            case "top_logprobs", "presence_penalty", "frequency_penalty" ->
                    value.isNumber() && value.decimalValue().compareTo(BigDecimal.ZERO) == 0;
            case "logit_bias" -> value.isObject() && value.isEmpty();
            case "modalities" -> value.isArray() && value.size() == 1 && "text".equals(value.get(0).asString(""));
            default -> false;
        };
    }

    private static String refusal(String name) {
        return switch (name) {
            case "n" -> "This model's provider returns one choice per request; 'n' must be 1.";
            case "logprobs", "top_logprobs" -> "'" + name + "' is not supported for this model: its provider "
                    + "returns no log probabilities.";
            case "modalities", "audio" -> "This model only produces text; '" + name + "' is not supported.";
            case "presence_penalty", "frequency_penalty", "logit_bias", "seed", "prediction",
                 "web_search_options", "verbosity" ->
                    "'" + name + "' is not supported for this model.";
            default -> "Unrecognized request argument supplied: " + name;
        };
    }
}
