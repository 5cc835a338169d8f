package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.generation.GenerationSteps;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Router;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1beta/models/{model}:embedContent} and {@code :batchEmbedContents}, behind the same key check, fault
 * injection and ledger as generation. Vectors are the mock's deterministic ones for the model and text.
 */
public final class GeminiEmbedEndpoint implements Router.Handler {

    private final GeminiApi api;
    private final GenerationSteps steps;
    private final boolean batch;

    /** @param batch true for {@code :batchEmbedContents} */
    public GeminiEmbedEndpoint(GeminiApi api, GenerationSteps steps, boolean batch) {
        this.api = api;
        this.steps = steps;
        this.batch = batch;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        String model = exchange.pathParam(0);
        JsonNode body = Json.parseOrNull(exchange.body());
        return steps.embeddings(exchange, api, model, body, (json, omitUsage) -> batch
                ? GeminiEmbedRequests.batch(model, json) : GeminiEmbedRequests.single(model, json));
    }
}
