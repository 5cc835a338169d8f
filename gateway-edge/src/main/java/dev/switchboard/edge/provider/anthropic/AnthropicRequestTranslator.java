package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the Anthropic Messages request body for a validated OpenAI chat request (wire-formats §2.2, §5.1). */
final class AnthropicRequestTranslator {

    /**
     * {@code max_tokens} is required by Anthropic (pitfall 1). 4,096 is within every Claude model's output limit,
     * the oldest included.
     */
    static final long DEFAULT_MAX_TOKENS = 4096;

    private final JsonMapper json;
    private final MessagesTranslator messages;
    private final ToolsTranslator tools;

    AnthropicRequestTranslator(JsonMapper json) {
        this.json = json;
        this.messages = new MessagesTranslator(json);
        this.tools = new ToolsTranslator(json);
    }

    ObjectNode translate(ChatRequest request, String upstreamModel) {
        ObjectNode source = request.body();
        RequestFieldPolicy.check(source);
        ObjectNode target = json.createObjectNode();
        target.put("model", upstreamModel);
        target.put("max_tokens", request.maxOutputTokens() != null ? request.maxOutputTokens() : DEFAULT_MAX_TOKENS);
        MessagesTranslator.Conversation conversation = messages.translate(request.messages());
        if (!conversation.system().isEmpty()) {
            target.set("system", conversation.system());
        }
        target.set("messages", conversation.messages());
        sampling(source, target);
        tools.translate(source, target);
        String user = userId(source, request.user());
        if (user != null) {
            target.putObject("metadata").put("user_id", user);
        }
        if (request.stream()) {
            target.put("stream", true);
        }
        return target;
    }

    private static void sampling(ObjectNode source, ObjectNode target) {
        JsonNode temperature = source.path("temperature");
        if (present(temperature)) {
            if (!temperature.isNumber() || temperature.decimalValue().signum() < 0
                    || temperature.decimalValue().compareTo(BigDecimal.ONE) > 0) {
                throw GatewayException.invalidRequest("temperature",
                        "'temperature' must be between 0 and 1 for this model.");
            }
            target.set("temperature", temperature);
        }
        JsonNode topP = source.path("top_p");
        if (present(topP)) {
            if (!topP.isNumber()) {
                throw GatewayException.invalidRequest("top_p", "'top_p' must be a number.");
            }
            target.set("top_p", topP);
        }
        JsonNode stop = source.path("stop");
        if (stop.isString()) {
            target.putArray("stop_sequences").add(stop.stringValue());
        } else if (stop.isArray()) {
            if (!stop.isEmpty()) {
                ArrayNode sequences = target.putArray("stop_sequences");
                for (JsonNode sequence : stop) {
                    if (!sequence.isString()) {
                        throw GatewayException.invalidRequest("stop",
                                "'stop' must be a string or an array of strings.");
                    }
                    sequences.add(sequence.stringValue());
                }
            }
        } else if (present(stop)) {
            throw GatewayException.invalidRequest("stop", "'stop' must be a string or an array of strings.");
        }
    }

    /** {@code safety_identifier} replaced the deprecated {@code user}, so it wins when both are sent. */
    private static String userId(ObjectNode source, String user) {
        JsonNode safety = source.path("safety_identifier");
        if (safety.isString() && !safety.stringValue().isBlank()) {
            return safety.stringValue();
        }
        return user == null || user.isBlank() ? null : user;
    }

    private static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }
}
