package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.generation.GenerationSteps;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Ids;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Router;
import reactor.core.publisher.Mono;

/** {@code POST /v1beta/models/{model}:generateContent} and {@code :streamGenerateContent}. */
public final class GeminiGenerateEndpoint implements Router.Handler {

    private final GeminiApi api;
    private final GenerationSteps steps;
    private final boolean stream;

    /** @param stream true for {@code :streamGenerateContent} */
    public GeminiGenerateEndpoint(GeminiApi api, GenerationSteps steps, boolean stream) {
        this.api = api;
        this.steps = steps;
        this.stream = stream;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        // Gemini names the model in the path, and streams SSE only when asked with alt=sse
        String model = exchange.pathParam(0);
        boolean sse = "sse".equals(exchange.queryParam("alt"));
        return steps.chat(exchange, api, model, Json.parseOrNull(exchange.body()),
                body -> GeminiRequests.parse(model, body, stream),
                (request, answer, usage) -> new GeminiResponseFormat(Ids.base62(22), model, answer, usage, sse));
    }
}
