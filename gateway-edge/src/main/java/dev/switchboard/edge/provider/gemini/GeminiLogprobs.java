package dev.switchboard.edge.provider.gemini;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A candidate's {@code logprobsResult} as an OpenAI choice's {@code logprobs}: one {@code content} entry per chosen
 * token, with the step's top candidates as {@code top_logprobs}.
 */
final class GeminiLogprobs {

    private GeminiLogprobs() {
    }

    /** The OpenAI {@code logprobs} object, or null when the candidate carries none. */
    static ObjectNode toOpenAi(JsonMapper json, JsonNode logprobsResult) {
        JsonNode chosen = logprobsResult == null ? null : logprobsResult.get("chosenCandidates");
        if (chosen == null || !chosen.isArray()) {
            return null;
        }
        ObjectNode logprobs = json.createObjectNode();
        ArrayNode content = logprobs.putArray("content");
        JsonNode topSteps = logprobsResult.path("topCandidates");
        for (int i = 0; i < chosen.size(); i++) {
            ObjectNode entry = token(content.addObject(), chosen.get(i));
            ArrayNode top = entry.putArray("top_logprobs");
            for (JsonNode alternative : topSteps.path(i).path("candidates")) {
                token(top.addObject(), alternative);
            }
        }
        logprobs.putNull("refusal");
        return logprobs;
    }

    private static ObjectNode token(ObjectNode entry, JsonNode candidate) {
        String token = candidate.path("token").asString("");
        entry.put("token", token);
        entry.put("logprob", candidate.path("logProbability").asDouble(0));
        ArrayNode bytes = entry.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xFF);
        }
        return entry;
    }
}
