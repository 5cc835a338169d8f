package dev.switchboard.edge.messages;

import static dev.switchboard.edge.messages.RequestFields.absent;
import static dev.switchboard.edge.messages.RequestFields.at;
import static dev.switchboard.edge.messages.RequestFields.invalid;
import static dev.switchboard.edge.messages.RequestFields.nonBlankString;
import static dev.switchboard.edge.messages.RequestFields.numberBetween;
import static dev.switchboard.edge.messages.RequestFields.onlyKnown;
import static dev.switchboard.edge.messages.RequestFields.string;

import dev.switchboard.edge.provider.ChatRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates an Anthropic Messages API request into the gateway's canonical (OpenAI) {@link ChatRequest}.
 * Every field is either carried or refused with a 400 that names it; nothing the client asked for is dropped,
 * except the {@code cache_control} hints (see {@link MessageTranslator}).
 */
public final class AnthropicRequestTranslator {

    /** Carried, except {@code cache_control}: the request-wide caching hint, dropped as on blocks. */
    private static final Set<String> FIELDS = Set.of("model", "max_tokens", "messages", "system", "temperature",
            "top_p", "stop_sequences", "stream", "tools", "tool_choice", "metadata", "cache_control");

    /** Messages API parameters with no OpenAI-format equivalent, and why; null values are taken as "not set". */
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("top_k", "top_k sampling cannot be carried: the OpenAI format the gateway routes in has "
                    + "no top_k"),
            Map.entry("thinking", "extended thinking cannot be carried to the provider; leave it out or send "
                    + "{\"type\":\"disabled\"}"),
            Map.entry("service_tier", "the gateway picks the provider and its service tier; leave it out"),
            Map.entry("container", "code-execution containers are not available through this gateway"),
            Map.entry("mcp_servers", "MCP servers are not available through this gateway"),
            Map.entry("context_management", "context management is not available through this gateway"),
            Map.entry("output_config", "output configuration (effort, structured output) cannot be carried to "
                    + "the provider"),
            Map.entry("output_format", "structured output cannot be carried to the provider"),
            Map.entry("inference_geo", "the gateway cannot promise where the provider runs inference; leave it out"),
            Map.entry("speed", "the gateway cannot ask the provider for a faster mode; leave it out or send "
                    + "\"standard\""),
            Map.entry("diagnostics", "diagnostics are not available through this gateway"));

    private static final Set<String> TOOL_FIELDS =
            Set.of("name", "description", "input_schema", "cache_control", "strict", "type");

    private final JsonMapper json;
    private final MessageTranslator messages;

    public AnthropicRequestTranslator(JsonMapper json) {
        this.json = json;
        this.messages = new MessageTranslator(json);
    }

    /**
     * The canonical request for an Anthropic request body. A stream always wants the usage chunk, because the
     * Anthropic stream has to end with the token counts.
     *
     * @throws dev.switchboard.edge.api.GatewayException a 400 naming the first field that cannot be carried
     */
    public ChatRequest translate(ObjectNode request) {
        checkFields(request);
        ObjectNode body = json.createObjectNode();
        body.put("model", nonBlankString(request.get("model"), "model"));
        body.set("messages", messages(request));
        body.set("max_tokens", maxTokens(request.get("max_tokens")));
        if (!absent(request.get("temperature"))) {
            body.set("temperature", numberBetween(request.get("temperature"), "temperature", 0, 1));
        }
        if (!absent(request.get("top_p"))) {
            body.set("top_p", numberBetween(request.get("top_p"), "top_p", 0, 1));
        }
        stopSequences(request.get("stop_sequences"), body);
        tools(request, body);
        user(request.get("metadata"), body);
        JsonNode stream = request.get("stream");
        if (!absent(stream)) {
            if (!stream.isBoolean()) {
                throw invalid("stream", "must be a boolean");
            }
            body.put("stream", stream.booleanValue());
        }
        ChatRequest canonical = ChatRequest.from(body);
        return new ChatRequest(canonical.body(), canonical.model(), canonical.stream(), canonical.stream(),
                canonical.maxOutputTokens(), canonical.user(), canonical.metadata());
    }

    private static void checkFields(ObjectNode request) {
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            String name = field.getKey();
            String why = UNSUPPORTED.get(name);
            if (why != null && !absent(field.getValue()) && !meansDefault(name, field.getValue())) {
                throw invalid(name, why);
            }
            if (why == null && !FIELDS.contains(name)) {
                throw invalid(name, "unknown field; not a Messages API parameter this gateway accepts");
            }
        }
    }

    /** Values of unsupported parameters that ask for what the gateway does anyway. */
    private static boolean meansDefault(String name, JsonNode value) {
        return switch (name) {
            case "thinking" -> value.size() == 1 && value.path("type").stringValue("").equals("disabled");
            case "speed" -> value.stringValue("").equals("standard");
            default -> false;
        };
    }

    private static JsonNode maxTokens(JsonNode value) {
        if (absent(value)) {
            throw invalid("max_tokens", "field required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw invalid("max_tokens", "must be a positive integer");
        }
        return value;
    }

    private ArrayNode messages(ObjectNode request) {
        JsonNode source = request.get("messages");
        if (absent(source)) {
            throw invalid("messages", "field required");
        }
        if (!source.isArray() || source.isEmpty()) {
            throw invalid("messages", "must be a non-empty array");
        }
        ArrayNode out = json.createArrayNode();
        JsonNode system = absent(request.get("system")) ? null : messages.system(request.get("system"));
        if (system != null) {
            out.addObject().put("role", "system").set("content", system);
        }
        for (int i = 0; i < source.size(); i++) {
            messages.translate(source.get(i), at("messages", i), out);
        }
        return out;
    }

    private void stopSequences(JsonNode value, ObjectNode body) {
        if (absent(value)) {
            return;
        }
        if (!value.isArray()) {
            throw invalid("stop_sequences", "must be an array of strings");
        }
        ArrayNode stop = json.createArrayNode();
        for (int i = 0; i < value.size(); i++) {
            stop.add(string(value.get(i), at("stop_sequences", i)));
        }
        if (!stop.isEmpty()) {
            body.set("stop", stop);
        }
    }

    private void tools(ObjectNode request, ObjectNode body) {
        JsonNode source = request.get("tools");
        Set<String> names = new HashSet<>();
        if (!absent(source)) {
            if (!source.isArray()) {
                throw invalid("tools", "must be an array");
            }
            ArrayNode tools = json.createArrayNode();
            for (int i = 0; i < source.size(); i++) {
                ObjectNode function = function(source.get(i), at("tools", i));
                names.add(function.get("name").stringValue());
                tools.addObject().put("type", "function").set("function", function);
            }
            if (!tools.isEmpty()) {
                body.set("tools", tools);
            }
        }
        JsonNode choice = request.get("tool_choice");
        if (!absent(choice)) {
            new ToolChoice(json).translate(choice, names, body);
        }
    }

    private ObjectNode function(JsonNode tool, String path) {
        RequestFields.object(tool, path);
        JsonNode type = tool.get("type");
        if (!absent(type) && !string(type, path + ".type").equals("custom")) {
            throw invalid(path + ".type", "Anthropic server tools (\"" + type.stringValue()
                    + "\") cannot be carried to the provider; define client tools with name and input_schema");
        }
        onlyKnown(tool, path, TOOL_FIELDS);
        ObjectNode function = json.createObjectNode().put("name", nonBlankString(tool.get("name"), path + ".name"));
        if (!absent(tool.get("description"))) {
            function.put("description", string(tool.get("description"), path + ".description"));
        }
        function.set("parameters", RequestFields.object(tool.get("input_schema"), path + ".input_schema"));
        JsonNode strict = tool.get("strict");
        if (!absent(strict)) {
            if (!strict.isBoolean()) {
                throw invalid(path + ".strict", "must be a boolean");
            }
            function.put("strict", strict.booleanValue());
        }
        return function;
    }

    private static void user(JsonNode metadata, ObjectNode body) {
        if (absent(metadata)) {
            return;
        }
        RequestFields.object(metadata, "metadata");
        onlyKnown(metadata, "metadata", Set.of("user_id"));
        if (!absent(metadata.get("user_id"))) {
            body.put("user", string(metadata.get("user_id"), "metadata.user_id"));
        }
    }
}
