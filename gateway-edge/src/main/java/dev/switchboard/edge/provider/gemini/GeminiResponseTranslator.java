package dev.switchboard.edge.provider.gemini;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.provider.TokenUsage;
import dev.switchboard.edge.provider.TranslatedResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole GenerateContentResponse as an OpenAI {@code chat.completion} (reference §3.3, §5.2, §5.3): one choice per
 * candidate, and a prompt Gemini blocked (no candidates) as an empty answer filtered for content.
 */
final class GeminiResponseTranslator {

    private final JsonMapper json;

    GeminiResponseTranslator(JsonMapper json) {
        this.json = json;
    }

    TranslatedResponse translate(byte[] body, RouteCandidate route) {
        JsonNode response = read(body);
        ObjectNode completion = json.createObjectNode();
        completion.put("id", completionId(response));
        completion.put("object", "chat.completion");
        completion.put("created", Instant.now().getEpochSecond());
        completion.put("model", model(response, route));
        ArrayNode choices = completion.putArray("choices");
        List<GeminiCandidate> candidates = GeminiCandidate.all(json, response);
        if (candidates.isEmpty()) {
            boolean blocked = response.path("promptFeedback").path("blockReason").isString();
            ObjectNode choice = choices.addObject();
            choice.put("index", 0);
            message(choice.putObject("message"), "", List.of());
            choice.putNull("logprobs");
            choice.put("finish_reason", blocked ? GeminiFinishReason.CONTENT_FILTER : "stop");
        }
        candidates.stream().sorted(Comparator.comparingInt(GeminiCandidate::index))
                .forEach(candidate -> choice(choices.addObject(), candidate));
        TokenUsage usage = GeminiUsage.read(response.get("usageMetadata"));
        if (usage != null) {
            completion.set("usage", GeminiUsage.toOpenAi(json, usage));
        }
        return new TranslatedResponse(json.writeValueAsBytes(completion), usage);
    }

    /** {@code chatcmpl-} and Gemini's response id, so a completion can be traced to the provider's logs. */
    static String completionId(JsonNode response) {
        JsonNode responseId = response.path("responseId");
        return "chatcmpl-" + (responseId.isString() && !responseId.stringValue().isEmpty()
                ? responseId.stringValue() : ToolCallIds.next().substring("call_".length()));
    }

    /** The model version that answered, else the provider model id the request went to. */
    static String model(JsonNode response, RouteCandidate route) {
        JsonNode version = response.path("modelVersion");
        return version.isString() && !version.stringValue().isEmpty() ? version.stringValue() : route.upstreamModel();
    }

    private void choice(ObjectNode choice, GeminiCandidate candidate) {
        choice.put("index", candidate.index());
        String content = candidate.text();
        if (content == null && !candidate.calledTools()) {
            content = "";
        }
        message(choice.putObject("message"), content, candidate.calls());
        choice.set("logprobs", GeminiLogprobs.toOpenAi(json, candidate.logprobs()));
        String finish = candidate.finishReason();
        choice.put("finish_reason", GeminiFinishReason.toOpenAi(finish == null ? "STOP" : finish,
                candidate.calledTools()));
    }

    private static void message(ObjectNode message, String content, List<GeminiCandidate.FunctionCall> calls) {
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        if (calls.isEmpty()) {
            return;
        }
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (GeminiCandidate.FunctionCall call : calls) {
            ObjectNode toolCall = toolCalls.addObject();
            toolCall.put("id", call.id());
            toolCall.put("type", "function");
            toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode response = json.readTree(body);
            if (response != null && response.isObject()) {
                return response;
            }
        } catch (JacksonException malformed) {
            // reported below
        }
        throw ErrorKind.SERVER_ERROR.exception("The provider sent a response the gateway could not read.", 0);
    }
}
