package dev.switchboard.mockprovider.anthropic;

import dev.switchboard.mockprovider.answer.Answer;
import dev.switchboard.mockprovider.answer.AnswerGenerator;
import dev.switchboard.mockprovider.answer.ChatRequest;
import dev.switchboard.mockprovider.http.AnswerWriter;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Ids;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.Replies;
import dev.switchboard.mockprovider.http.Router;
import dev.switchboard.mockprovider.http.VendorGate;
import dev.switchboard.mockprovider.ledger.GenerationRecorder;
import dev.switchboard.mockprovider.ledger.MockLedger;
import dev.switchboard.mockprovider.ledger.Vendor;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/messages}. */
public final class AnthropicMessagesEndpoint implements Router.Handler {

    static final String SSE = "text/event-stream; charset=utf-8";

    private final AnthropicApi api;
    private final VendorGate gate;
    private final MockLedger ledger;

    public AnthropicMessagesEndpoint(AnthropicApi api, VendorGate gate, MockLedger ledger) {
        this.api = api;
        this.gate = gate;
        this.ledger = ledger;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        JsonNode body = Json.parseOrNull(exchange.body());
        String model = body == null ? null : Json.text(body.get("model"));
        return gate.pass(exchange, api, model, call -> {
            if (body == null || !body.isObject()) {
                return Replies.error(exchange, api.error(400, "The request body is not valid JSON.",
                        call.requestId()));
            }
            ChatRequest request;
            Answer answer;
            try {
                request = AnthropicRequests.parse(body);
                answer = AnswerGenerator.answer(request, exchange.answerTokens());
            } catch (IllegalArgumentException e) {
                return Replies.error(exchange, api.error(400, e.getMessage(), call.requestId()));
            }
            String id = "msg_01" + Ids.base62(22);
            int inputTokens = request.promptTokens();
            AnthropicMessageFormat format = new AnthropicMessageFormat(id, request.model(), answer, inputTokens,
                    call.fault().omitsUsage(), "toolu_01" + Ids.base62(22));
            GenerationRecorder recorder = ledger.startGeneration(Vendor.ANTHROPIC, exchange.path(), id,
                    call.requestId(), exchange.correlationId(), request.model(), request.stream(), inputTokens,
                    answer.toolName());
            if (request.stream()) {
                return AnswerWriter.stream(exchange, call.fault(), SSE, format.events(), format.malformed(), recorder);
            }
            return AnswerWriter.json(exchange, call.fault(), Replies.JSON, format.json(), answer.tokens(),
                    () -> recorder.wholeSent(answer.text(), answer.tokens(), format.stopReason()));
        });
    }
}
