package dev.switchboard.edge.provider.gemini;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a GenerateContentRequest from the validated OpenAI request (reference §3.2, §5.1). Every top-level field is
 * either translated, kept at the gateway (metadata, user, store...), or refused with a 400 naming it: a field Gemini
 * cannot honour never disappears silently.
 */
final class GeminiRequestTranslator {

    /** Handled by the gateway itself or by the URL; nothing to send upstream. */
    private static final Set<String> GATEWAY_ONLY = Set.of("model", "stream", "stream_options", "metadata", "user",
            "store", "service_tier", "safety_identifier", "prompt_cache_key");

    private static final Set<String> TRANSLATED = Set.of("messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "stop", "n", "seed", "presence_penalty", "frequency_penalty", "logprobs",
            "top_logprobs", "response_format", "tools", "tool_choice", "reasoning_effort");

    /** OpenAI's reasoning efforts as Gemini thinking budgets, as Google's own OpenAI-compatible endpoint maps them. */
    private static final Map<String, Integer> THINKING_BUDGETS =
            Map.of("none", 0, "minimal", 1024, "low", 1024, "medium", 8192, "high", 24576);

    private final JsonMapper json;
    private final GeminiMessageTranslator messages;
    private final GeminiToolTranslator tools;

    GeminiRequestTranslator(JsonMapper json) {
        this.json = json;
        this.messages = new GeminiMessageTranslator(json);
        this.tools = new GeminiToolTranslator(json);
    }

    ObjectNode translate(ChatRequest request) {
        ObjectNode source = request.body();
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            refuseWhatGeminiCannotHonour(field.getKey(), field.getValue());
        }
        ObjectNode body = json.createObjectNode();
        GeminiMessageTranslator.Conversation conversation = messages.translate(request.messages());
        body.set("contents", conversation.contents());
        if (conversation.systemInstruction() != null) {
            body.set("systemInstruction", conversation.systemInstruction());
        }
        tools.translate(source.path("tools"), source.path("tool_choice"), body);
        ObjectNode config = generationConfig(request, source);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        return body;
    }

    private static void refuseWhatGeminiCannotHonour(String field, JsonNode value) {
        if (value.isNull() || GATEWAY_ONLY.contains(field) || TRANSLATED.contains(field)) {
            return;
        }
        boolean harmless = switch (field) {
            case "parallel_tool_calls" -> value.asBoolean(false);
            case "modalities" -> value.isArray() && value.size() == 1 && value.get(0).asString("").equals("text");
            case "logit_bias" -> value.isObject() && value.isEmpty();
            default -> false;
        };
        if (!harmless) {
            String reason = field.equals("parallel_tool_calls")
                    ? "Gemini models cannot be kept from calling functions in parallel; omit 'parallel_tool_calls'."
                    : "'" + field + "' is not supported for Gemini models.";
            throw GatewayException.invalidRequest(field, reason);
        }
    }

    private ObjectNode generationConfig(ChatRequest request, ObjectNode source) {
        ObjectNode config = json.createObjectNode();
        if (request.maxOutputTokens() != null) {
            config.put("maxOutputTokens", request.maxOutputTokens());
        }
        copyNumber(source, "temperature", config, "temperature");
        copyNumber(source, "top_p", config, "topP");
        copyNumber(source, "presence_penalty", config, "presencePenalty");
        copyNumber(source, "frequency_penalty", config, "frequencyPenalty");
        stopSequences(source.path("stop"), config);
        Integer n = integer(source, "n", 1);
        if (n != null) {
            config.put("candidateCount", n);
        }
        Integer seed = integer(source, "seed", Integer.MIN_VALUE);
        if (seed != null) {
            config.put("seed", seed);
        }
        logprobs(source, config);
        GeminiResponseFormat.apply(source.path("response_format"), config);
        JsonNode effort = source.path("reasoning_effort");
        if (present(effort)) {
            Integer budget = effort.isString() ? THINKING_BUDGETS.get(effort.stringValue()) : null;
            if (budget == null) {
                throw GatewayException.invalidRequest("reasoning_effort",
                        "'reasoning_effort' must be none, minimal, low, medium or high for Gemini models.");
            }
            config.putObject("thinkingConfig").put("thinkingBudget", budget);
        }
        return config;
    }

    private static void stopSequences(JsonNode stop, ObjectNode config) {
        if (!present(stop)) {
            return;
        }
        ArrayNode sequences = config.putArray("stopSequences");
        for (JsonNode sequence : stop.isArray() ? stop : List.of(stop)) {
            if (!sequence.isString()) {
                throw GatewayException.invalidRequest("stop", "'stop' must be a string or an array of strings.");
            }
            sequences.add(sequence.stringValue());
        }
    }

    private static void logprobs(ObjectNode source, ObjectNode config) {
        JsonNode logprobs = source.path("logprobs");
        if (present(logprobs) && !logprobs.isBoolean()) {
            throw GatewayException.invalidRequest("logprobs", "'logprobs' must be a boolean.");
        }
        boolean wanted = logprobs.asBoolean(false);
        Integer top = integer(source, "top_logprobs", 0);
        if (top != null && top > 20) {
            throw GatewayException.invalidRequest("top_logprobs", "'top_logprobs' must be between 0 and 20.");
        }
        if (top != null && top > 0 && !wanted) {
            throw GatewayException.invalidRequest("top_logprobs", "'top_logprobs' requires 'logprobs' to be true.");
        }
        if (wanted) {
            config.put("responseLogprobs", true);
            if (top != null && top > 0) {
                config.put("logprobs", top);
            }
        }
    }

    private static void copyNumber(ObjectNode source, String field, ObjectNode config, String geminiField) {
        JsonNode value = source.path(field);
        if (!present(value)) {
            return;
        }
        if (!value.isNumber()) {
            throw GatewayException.invalidRequest(field, "'" + field + "' must be a number.");
        }
        config.set(geminiField, value);
    }

    /** An optional integer of at least {@code min}, or null when absent. */
    private static Integer integer(ObjectNode source, String field, int min) {
        JsonNode value = source.path(field);
        if (!present(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            throw GatewayException.invalidRequest(field, "'" + field + "' must be an integer"
                    + (min > Integer.MIN_VALUE ? " of at least " + min : "") + ".");
        }
        return value.intValue();
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }
}
