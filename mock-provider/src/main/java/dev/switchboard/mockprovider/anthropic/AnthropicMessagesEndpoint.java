package dev.switchboard.mockprovider.anthropic;

import dev.switchboard.mockprovider.generation.GenerationSteps;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Ids;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Router;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/messages}. */
public final class AnthropicMessagesEndpoint implements Router.Handler {

    private final AnthropicApi api;
    private final GenerationSteps steps;

    public AnthropicMessagesEndpoint(AnthropicApi api, GenerationSteps steps) {
        this.api = api;
        this.steps = steps;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        JsonNode body = Json.parseOrNull(exchange.body());
        return steps.chat(exchange, api, Json.text(body, "model"), body, AnthropicRequests::parse,
                (request, answer, usage) -> new AnthropicMessageFormat("msg_01" + Ids.base62(22),
                        request.model(), answer, usage, "toolu_01" + Ids.base62(22)));
    }
}
