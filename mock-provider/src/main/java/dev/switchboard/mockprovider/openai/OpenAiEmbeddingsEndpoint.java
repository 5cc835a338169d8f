package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.answer.TokenCounter;
import dev.switchboard.mockprovider.generation.GenerationSteps;
import dev.switchboard.mockprovider.http.BadRequest;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Router;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/embeddings}: string, string[], token-id or token-id[] input; float or base64 encoding;
 * {@code dimensions} honored (default 16). Prompt tokens are the o200k_base tokens of each string input, or the number
 * of ids of each token-id input.
 */
public final class OpenAiEmbeddingsEndpoint implements Router.Handler {

    private static final int MAX_DIMENSIONS = 3072;

    private final OpenAiApi api;
    private final GenerationSteps steps;

    public OpenAiEmbeddingsEndpoint(OpenAiApi api, GenerationSteps steps) {
        this.api = api;
        this.steps = steps;
    }

    /** One input as the text that seeds its vector, and its token count. */
    private record Input(String text, int tokens) {
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        JsonNode body = Json.parseOrNull(exchange.body());
        String model = Json.text(body, "model");
        return steps.embeddings(exchange, api, model, body, (json, omitUsage) -> {
            if (model == null) {
                throw new BadRequest("you must provide a model parameter");
            }
            List<Input> inputs = inputs(json.get("input"));
            int promptTokens = inputs.stream().mapToInt(Input::tokens).sum();
            return new GenerationSteps.Embeddings(
                    render(model, inputs, base64(json), dimensions(json), promptTokens, omitUsage), promptTokens);
        });
    }

    private static String render(String model, List<Input> inputs, boolean base64, int dimensions, int promptTokens,
                                 boolean omitUsage) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = EmbeddingVectors.of(model, inputs.get(i).text(), dimensions);
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (base64) {
                item.put("embedding", EmbeddingVectors.base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
        }
        root.put("model", model);
        if (!omitUsage) {
            root.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        }
        return Json.write(root);
    }

    private static List<Input> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw new BadRequest("Missing required parameter: 'input'.", "input");
        }
        List<Input> inputs = new ArrayList<>();
        if (input.isString()) {
            inputs.add(text(input));
        } else if (input.isArray() && !input.isEmpty() && input.get(0).isIntegralNumber()) {
            inputs.add(tokenIds(input));
        } else if (input.isArray() && !input.isEmpty()) {
            for (JsonNode item : input) {
                inputs.add(item.isString() ? text(item) : tokenIds(item));
            }
        } else {
            throw new BadRequest("'input' must be a non-empty string, array of strings, or array of token arrays.",
                    "input");
        }
        return inputs;
    }

    private static Input text(JsonNode node) {
        return new Input(node.stringValue(), TokenCounter.count(node.stringValue()));
    }

    private static Input tokenIds(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new BadRequest("'input' items must be strings or non-empty arrays of token ids.", "input");
        }
        for (JsonNode id : node) {
            if (!id.isIntegralNumber()) {
                throw new BadRequest("'input' token arrays must contain integers.", "input");
            }
        }
        return new Input(node.toString(), node.size());
    }

    private static boolean base64(JsonNode body) {
        String format = Json.text(body.get("encoding_format"));
        if (format == null || format.equals("float")) {
            return false;
        }
        if (format.equals("base64")) {
            return true;
        }
        throw new BadRequest("Invalid value for 'encoding_format': expected 'float' or 'base64'.", "encoding_format");
    }

    private static int dimensions(JsonNode body) {
        JsonNode value = body.get("dimensions");
        if (value == null || value.isNull()) {
            return EmbeddingVectors.DEFAULT_DIMENSIONS;
        }
        if (!value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > MAX_DIMENSIONS) {
            throw new BadRequest("Invalid 'dimensions': expected an integer between 1 and " + MAX_DIMENSIONS + ".",
                    "dimensions");
        }
        return value.asInt();
    }
}
