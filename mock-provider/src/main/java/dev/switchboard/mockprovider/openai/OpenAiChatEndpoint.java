package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.generation.GenerationSteps;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Ids;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Router;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** {@code POST /v1/chat/completions}. */
public final class OpenAiChatEndpoint implements Router.Handler {

    private final OpenAiApi api;
    private final GenerationSteps steps;

    public OpenAiChatEndpoint(OpenAiApi api, GenerationSteps steps) {
        this.api = api;
        this.steps = steps;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        JsonNode body = Json.parseOrNull(exchange.body());
        return steps.chat(exchange, api, Json.text(body, "model"), body, OpenAiChatRequests::parse,
                (request, answer, usage) -> new OpenAiChatFormat("chatcmpl-" + Ids.base62(29),
                        Instant.now().getEpochSecond(), request.model(), answer, usage, request.includeUsage(),
                        "call_" + Ids.base62(24)));
    }
}
