package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.generation.GenerationSteps;
import dev.switchboard.mockprovider.http.BadRequest;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.openai.EmbeddingVectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Reads {@code embedContent} and {@code batchEmbedContents} bodies and renders their answers: {@code {"embedding":
 * {"values":[...]}}} and {@code {"embeddings":[{"values":[...]}, ...]}}. Gemini reports no token usage for
 * embeddings, so the bodies carry none; the ledger still records the o200k_base tokens of the texts.
 * Rejections use Google's field-path messages.
 */
final class GeminiEmbedRequests {

    /** Gemini's batch limit, as its 400 states it. */
    static final int MAX_BATCH = 100;
    /** gemini-embedding-001's full size. */
    static final int MAX_DIMENSIONS = 3072;

    private static final Set<String> FIELDS = Set.of("model", "content", "taskType", "title", "outputDimensionality");
    private static final Set<String> TASK_TYPES = Set.of("TASK_TYPE_UNSPECIFIED", "RETRIEVAL_QUERY",
            "RETRIEVAL_DOCUMENT", "SEMANTIC_SIMILARITY", "CLASSIFICATION", "CLUSTERING", "QUESTION_ANSWERING",
            "FACT_VERIFICATION", "CODE_RETRIEVAL_QUERY");

    /** One EmbedContentRequest: the text that seeds its vector, its size, and its token count. */
    private record Embed(String text, int dimensions, int tokens) {
    }

    private GeminiEmbedRequests() {
    }

    static GenerationSteps.Embeddings single(String model, JsonNode body) {
        Embed embed = embed(model, body, "EmbedContentRequest", "", false);
        ObjectNode root = Json.object();
        root.set("embedding", values(model, embed));
        return new GenerationSteps.Embeddings(Json.write(root), embed.tokens());
    }

    static GenerationSteps.Embeddings batch(String model, JsonNode body) {
        rejectUnknown(body, Set.of("requests"), "");
        JsonNode requests = body.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw new BadRequest("* BatchEmbedContentsRequest.requests: requests is not specified\n");
        }
        if (requests.size() > MAX_BATCH) {
            throw new BadRequest("* BatchEmbedContentsRequest.requests: at most " + MAX_BATCH
                    + " requests can be in one batch\n");
        }
        ObjectNode root = Json.object();
        ArrayNode embeddings = root.putArray("embeddings");
        int tokens = 0;
        for (int i = 0; i < requests.size(); i++) {
            Embed embed = embed(model, requests.get(i), "BatchEmbedContentsRequest.requests[" + i + "]",
                    "requests[" + i + "]", true);
            embeddings.add(values(model, embed));
            tokens += embed.tokens();
        }
        return new GenerationSteps.Embeddings(Json.write(root), tokens);
    }

    /**
     * @param field       the request's path in Google's validation messages
     * @param jsonPath    its path in Google's unknown-field messages ({@code ""} for the top level)
     * @param needsModel  batch items must name their model, and it must be the one in the URL
     */
    private static Embed embed(String model, JsonNode request, String field, String jsonPath, boolean needsModel) {
        if (!request.isObject()) {
            throw new BadRequest("Invalid JSON payload received. Expected an object at '" + jsonPath + "'.");
        }
        rejectUnknown(request, FIELDS, jsonPath);
        String named = Json.text(request.get("model"));
        if (needsModel && named == null) {
            throw new BadRequest("* " + field + ".model: model is not specified\n");
        }
        if (named != null && !named.equals("models/" + model)) {
            throw new BadRequest("* " + field + ".model: the model must be models/" + model
                    + ", the model of the request URL\n");
        }
        String taskType = Json.text(request.get("taskType"));
        if (request.has("taskType") && (taskType == null || !TASK_TYPES.contains(taskType))) {
            throw new BadRequest("Invalid value at '" + prefixed(jsonPath, "task_type") + "' (type.googleapis.com/"
                    + "google.ai.generativelanguage.v1beta.TaskType), " + request.get("taskType"));
        }
        String text = text(request.get("content"), field);
        int dimensions = dimensions(request.get("outputDimensionality"), field);
        return new Embed(text, dimensions, TokenCounter.count(text));
    }

    /** The text parts of the content, joined: Gemini embeds only text. */
    private static String text(JsonNode content, String field) {
        JsonNode parts = content == null ? null : content.get("parts");
        if (parts == null || !parts.isArray() || parts.isEmpty()) {
            throw new BadRequest("* " + field + ".content.parts: contents is not specified\n");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = Json.text(parts.get(i).get("text"));
            if (part == null) {
                throw new BadRequest("* " + field + ".content.parts[" + i + "].data: required oneof field 'data' "
                        + "must have one initialized field\n");
            }
            text.append(part);
        }
        return text.toString();
    }

    private static int dimensions(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return EmbeddingVectors.DEFAULT_DIMENSIONS;
        }
        if (!value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > MAX_DIMENSIONS) {
            throw new BadRequest("* " + field + ".output_dimensionality: must be between 1 and " + MAX_DIMENSIONS
                    + "\n");
        }
        return value.asInt();
    }

    private static ObjectNode values(String model, Embed embed) {
        ObjectNode embedding = Json.object();
        ArrayNode values = embedding.putArray("values");
        for (float value : EmbeddingVectors.of(model, embed.text(), embed.dimensions())) {
            values.add(value);
        }
        return embedding;
    }

    /** Google rejects any field its proto does not know, naming it. */
    private static void rejectUnknown(JsonNode object, Set<String> known, String jsonPath) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!known.contains(field.getKey())) {
                throw new BadRequest("Invalid JSON payload received. Unknown name \"" + field.getKey() + "\" at '"
                        + jsonPath + "': Cannot find field.");
            }
        }
    }

    private static String prefixed(String jsonPath, String name) {
        return jsonPath.isEmpty() ? name : jsonPath + "." + name;
    }
}
