package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.FieldChecks.bool;
import static dev.switchboard.edge.provider.FieldChecks.integer;
import static dev.switchboard.edge.provider.FieldChecks.number;
import static dev.switchboard.edge.provider.FieldChecks.oneOf;
import static dev.switchboard.edge.provider.FieldChecks.string;

import dev.switchboard.edge.api.GatewayException;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a chat request's top-level fields in one pass over the body, then the rules that tie fields together, the
 * way OpenAI's API does: every field of its chat format is accepted with its type and range checked, any other
 * field is refused. Optional fields sent as {@code null} mean "not set" and are removed from the body, so adapters
 * only ever see fields that carry a value.
 */
final class ChatRequestValidator {

    /** Every optional field of OpenAI's chat request (the switch in {@link #check} handles each of them). */
    static final Set<String> OPTIONAL_FIELDS = Set.of("audio", "frequency_penalty", "function_call", "functions",
            "logit_bias", "logprobs", "max_completion_tokens", "max_tokens", "metadata", "modalities", "n",
            "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "prompt_cache_retention",
            "reasoning_effort", "response_format", "safety_identifier", "seed", "service_tier", "stop", "store",
            "stream", "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user",
            "verbosity", "web_search_options");

    /**
     * Fields other gateways and SDKs use to pick the upstream or its credentials. Here the registry decides where a
     * request goes, so these are refused with a message that says so rather than as a mere typo.
     */
    static final Set<String> UPSTREAM_FIELDS = Set.of("api_base", "api_key", "api_type", "api_version", "base_url",
            "custom_llm_provider", "deployment_id", "endpoint", "extra_body", "extra_headers", "extra_query",
            "headers", "organization", "url");

    private static final Set<String> SERVICE_TIERS = Set.of("auto", "default", "flex", "scale", "priority");
    private static final Set<String> REASONING_EFFORTS = Set.of("none", "minimal", "low", "medium", "high",
            "xhigh");
    private static final Set<String> VERBOSITIES = Set.of("low", "medium", "high");
    // OpenAI's spec spells it "in-memory"; its Agents SDK sends "in_memory".
    private static final Set<String> CACHE_RETENTIONS = Set.of("in-memory", "in_memory", "24h");

    private final ChatRequestLimits limits;
    private String model;
    private boolean hasMessages;
    private boolean hasNulls;
    private boolean stream;
    private boolean hasStreamOptions;
    private boolean includeUsage;
    private boolean logprobs;
    private boolean hasTopLogprobs;
    private Long maxTokens;
    private Long maxCompletionTokens;
    private String user;
    private Map<String, String> metadata = Map.of();
    private ArrayNode tools;
    private JsonNode toolChoice;
    private boolean hasParallelToolCalls;
    private ArrayNode functions;
    private JsonNode functionCall;
    private boolean wantsAudio;
    private boolean hasAudio;

    private ChatRequestValidator(ChatRequestLimits limits) {
        this.limits = limits;
    }

    static ChatRequest validate(ObjectNode body, ChatRequestLimits limits) {
        return new ChatRequestValidator(limits).run(body);
    }

    private ChatRequest run(ObjectNode body) {
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull() && OPTIONAL_FIELDS.contains(name)) {
                hasNulls = true;
            } else {
                check(name, value);
            }
        }
        if (model == null) {
            throw GatewayException.invalidRequest("model", "you must provide a model parameter");
        }
        if (!hasMessages) {
            throw FieldChecks.missing("messages");
        }
        checkCombinations();
        if (hasNulls) {
            body.removeIf(JsonNode::isNull);
        }
        Long maxOutputTokens = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
        return new ChatRequest(body, model, stream, stream && includeUsage, maxOutputTokens, user, metadata);
    }

    private void check(String name, JsonNode value) {
        switch (name) {
            case "model" -> model = model(value);
            case "messages" -> {
                ChatMessagesValidator.validate(value, limits.maxMessages());
                hasMessages = true;
            }
            case "temperature" -> number(value, name, 0, 2);
            case "top_p" -> number(value, name, 0, 1);
            case "frequency_penalty", "presence_penalty" -> number(value, name, -2, 2);
            case "max_tokens" -> maxTokens = integer(value, name, 1, limits.maxOutputTokens());
            case "max_completion_tokens" -> maxCompletionTokens = integer(value, name, 1, limits.maxOutputTokens());
            case "n" -> integer(value, name, 1, limits.maxN());
            case "seed" -> integer(value, name, Long.MIN_VALUE, Long.MAX_VALUE);
            case "stop" -> ChatOptionsValidator.stop(value);
            case "stream" -> stream = bool(value, name);
            case "stream_options" -> {
                includeUsage = ChatOptionsValidator.streamOptions(value);
                hasStreamOptions = true;
            }
            case "logprobs" -> logprobs = bool(value, name);
            case "top_logprobs" -> {
                integer(value, name, 0, 20);
                hasTopLogprobs = true;
            }
            case "logit_bias" -> ChatOptionsValidator.logitBias(value);
            case "response_format" -> ResponseFormatValidator.validate(value);
            case "tools" -> tools = ToolsValidator.tools(value);
            case "tool_choice" -> toolChoice = ToolsValidator.toolChoiceShape(value);
            case "parallel_tool_calls" -> {
                bool(value, name);
                hasParallelToolCalls = true;
            }
            case "functions" -> functions = ToolsValidator.functions(value);
            case "function_call" -> functionCall = ToolsValidator.functionCallShape(value);
            case "user" -> user = string(value, name);
            case "safety_identifier" -> FieldChecks.string(value, name, 64);
            case "prompt_cache_key" -> string(value, name);
            case "prompt_cache_retention" -> oneOf(value, name, CACHE_RETENTIONS);
            case "metadata" -> metadata = ChatOptionsValidator.metadata(value);
            case "store" -> bool(value, name);
            case "service_tier" -> oneOf(value, name, SERVICE_TIERS);
            case "reasoning_effort" -> oneOf(value, name, REASONING_EFFORTS);
            case "verbosity" -> oneOf(value, name, VERBOSITIES);
            case "modalities" -> wantsAudio = ChatOptionsValidator.modalities(value);
            case "audio" -> {
                ChatOptionsValidator.audio(value);
                hasAudio = true;
            }
            case "prediction" -> ChatOptionsValidator.prediction(value);
            case "web_search_options" -> ChatOptionsValidator.webSearchOptions(value);
            default -> throw unknown(name);
        }
    }

    private static String model(JsonNode value) {
        if (!value.isString() || value.stringValue().isBlank()) {
            throw GatewayException.invalidRequest("model", "you must provide a model parameter");
        }
        return value.stringValue();
    }

    private void checkCombinations() {
        if (hasStreamOptions && !stream) {
            throw GatewayException.invalidRequest("stream_options",
                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
        }
        if (hasTopLogprobs && !logprobs) {
            throw GatewayException.invalidRequest("top_logprobs",
                    "The 'top_logprobs' parameter is only allowed when 'logprobs' is true.");
        }
        if (toolChoice != null) {
            ToolsValidator.checkChoice(toolChoice, tools);
        }
        if (hasParallelToolCalls && tools == null) {
            throw GatewayException.invalidRequest("parallel_tool_calls", "Invalid value for 'parallel_tool_calls':"
                    + " 'parallel_tool_calls' is only allowed when 'tools' are specified.");
        }
        if (functionCall != null) {
            ToolsValidator.checkFunctionCall(functionCall, functions);
        }
        if (wantsAudio && !hasAudio) {
            throw GatewayException.invalidRequest("audio",
                    "The 'audio' parameter is required when 'modalities' includes 'audio'.");
        }
    }

    private static GatewayException unknown(String name) {
        if (UPSTREAM_FIELDS.contains(name)) {
            return GatewayException.invalidRequest(name, "Unrecognized request argument supplied: " + name
                    + ". The gateway decides which provider, endpoint and credentials serve a request;"
                    + " remove this field and choose the target with 'model'.");
        }
        return FieldChecks.unrecognized(name);
    }
}
