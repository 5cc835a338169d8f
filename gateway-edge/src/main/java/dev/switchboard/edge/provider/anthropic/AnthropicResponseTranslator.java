package dev.switchboard.edge.provider.anthropic;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.TranslatedResponse;
import java.time.Clock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a whole Anthropic {@code message} (wire-formats §2.3) into an OpenAI {@code chat.completion}. Text blocks
 * are joined, {@code tool_use} blocks become tool calls with JSON-string arguments, and thinking blocks are
 * dropped: OpenAI's message has no place for them and their tokens are still counted as reasoning.
 */
final class AnthropicResponseTranslator {

    private final JsonMapper json;
    private final Clock clock;

    AnthropicResponseTranslator(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** @param jsonMode whether the answer is a forced JSON tool call to hand back as content */
    TranslatedResponse translate(byte[] body, boolean jsonMode, String fallbackModel) {
        JsonNode message = read(body);
        StringBuilder text = new StringBuilder();
        String jsonAnswer = null;
        ArrayNode toolCalls = json.createArrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> {
                    String input = json.writeValueAsString(block.path("input").isObject()
                            ? block.path("input") : json.createObjectNode());
                    if (jsonMode && ToolsTranslator.JSON_TOOL.equals(block.path("name").asString(""))) {
                        jsonAnswer = input;
                    } else {
                        ObjectNode call = toolCalls.addObject()
                                .put("id", block.path("id").asString(""))
                                .put("type", "function");
                        call.putObject("function").put("name", block.path("name").asString("")).put("arguments", input);
                    }
                }
                default -> {
                    // thinking, redacted_thinking and server-tool blocks have no OpenAI counterpart
                }
            }
        }
        String stopReason = message.path("stop_reason").isString() ? message.path("stop_reason").stringValue() : null;
        ObjectNode completion = json.createObjectNode()
                .put("id", message.path("id").asString(""))
                .put("object", "chat.completion")
                .put("created", clock.instant().getEpochSecond())
                .put("model", message.path("model").isString() ? message.path("model").stringValue() : fallbackModel);
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode answer = choice.putObject("message").put("role", "assistant");
        if (jsonAnswer != null) {
            answer.put("content", jsonAnswer);
        } else if (text.isEmpty() && !toolCalls.isEmpty()) {
            answer.putNull("content");
        } else {
            answer.put("content", text.toString());
        }
        answer.putNull("refusal");
        if (jsonAnswer == null && !toolCalls.isEmpty()) {
            answer.set("tool_calls", toolCalls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason",
                jsonMode ? FinishReasons.toOpenAiJson(stopReason) : FinishReasons.toOpenAi(stopReason));
        AnthropicUsage usage = AnthropicUsage.of(message.path("usage"));
        usage.writeOpenAi(completion);
        return new TranslatedResponse(json.writeValueAsBytes(completion),
                message.path("usage").isObject() ? usage.tokenUsage() : null);
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode message = json.readTree(body);
            if (message != null && message.isObject() && "message".equals(message.path("type").asString(""))) {
                return message;
            }
        } catch (JacksonException malformed) {
            // reported below
        }
        throw new GatewayException(502, "api_error", "provider_invalid_response", null,
                "The provider's answer could not be read.", 0);
    }
}
