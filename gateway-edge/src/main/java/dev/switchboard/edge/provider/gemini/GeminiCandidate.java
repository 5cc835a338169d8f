package dev.switchboard.edge.provider.gemini;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway reads from one Gemini candidate, whole or as one stream chunk's piece of it: the visible text
 * (thought summaries left out), the function calls with their arguments as OpenAI's JSON string, the finish reason.
 *
 * @param text         the joined text parts, or null when there were none
 * @param finishReason Gemini's finish reason, or null while the candidate is unfinished
 * @param logprobs     Gemini's {@code logprobsResult}, or null
 */
record GeminiCandidate(int index, String text, List<FunctionCall> calls, String finishReason, JsonNode logprobs) {

    /** @param id Gemini's call id, or a synthesized {@code call_...} when Gemini gave none */
    record FunctionCall(String id, String name, String arguments) {
    }

    /** The candidates of a GenerateContentResponse; proto3 JSON may omit an index of 0, so position stands in. */
    static List<GeminiCandidate> all(JsonMapper json, JsonNode response) {
        List<GeminiCandidate> candidates = new ArrayList<>();
        JsonNode nodes = response.path("candidates");
        for (int position = 0; position < nodes.size(); position++) {
            candidates.add(read(json, nodes.get(position), position));
        }
        return candidates;
    }

    private static GeminiCandidate read(JsonMapper json, JsonNode candidate, int position) {
        StringBuilder text = null;
        List<FunctionCall> calls = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            JsonNode call = part.get("functionCall");
            if (call != null && call.isObject()) {
                calls.add(functionCall(json, call));
            } else if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
                text = text == null ? new StringBuilder() : text;
                text.append(part.path("text").stringValue());
            }
        }
        JsonNode finish = candidate.path("finishReason");
        JsonNode logprobs = candidate.get("logprobsResult");
        return new GeminiCandidate(candidate.path("index").asInt(position), text == null ? null : text.toString(),
                calls, finish.isString() ? finish.stringValue() : null, logprobs);
    }

    private static FunctionCall functionCall(JsonMapper json, JsonNode call) {
        JsonNode id = call.path("id");
        JsonNode args = call.path("args");
        return new FunctionCall(id.isString() && !id.stringValue().isEmpty() ? id.stringValue() : ToolCallIds.next(),
                call.path("name").asString(""), args.isObject() ? json.writeValueAsString(args) : "{}");
    }

    boolean calledTools() {
        return !calls.isEmpty();
    }
}
