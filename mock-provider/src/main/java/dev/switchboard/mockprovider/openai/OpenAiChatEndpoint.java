package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.answer.Answer;
import dev.switchboard.mockprovider.answer.AnswerGenerator;
import dev.switchboard.mockprovider.answer.ChatRequest;
import dev.switchboard.mockprovider.http.AnswerWriter;
import dev.switchboard.mockprovider.http.BadRequest;
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

import java.time.Instant;

/** {@code POST /v1/chat/completions}. */
public final class OpenAiChatEndpoint implements Router.Handler {

    static final String SSE = "text/event-stream; charset=utf-8";

    private final OpenAiApi api;
    private final VendorGate gate;
    private final MockLedger ledger;

    public OpenAiChatEndpoint(OpenAiApi api, VendorGate gate, MockLedger ledger) {
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
                return Replies.error(exchange, api.badRequest(OpenAiApi.NOT_JSON, null));
            }
            ChatRequest request;
            Answer answer;
            try {
                request = OpenAiChatRequests.parse(body);
                answer = AnswerGenerator.answer(request, exchange.answerTokens());
            } catch (BadRequest e) {
                return Replies.error(exchange, api.badRequest(e.getMessage(), e.param()));
            } catch (IllegalArgumentException e) {
                return Replies.error(exchange, api.badRequest(e.getMessage(), null));
            }
            String id = "chatcmpl-" + Ids.base62(29);
            int promptTokens = request.promptTokens();
            OpenAiChatFormat format = new OpenAiChatFormat(id, Instant.now().getEpochSecond(), request.model(),
                    answer, promptTokens, request.includeUsage(), call.fault().omitsUsage(), "call_" + Ids.base62(24));
            GenerationRecorder recorder = ledger.startGeneration(Vendor.OPENAI, exchange.path(), id,
                    call.requestId(), exchange.correlationId(), request.model(), request.stream(), promptTokens,
                    answer.toolName());
            if (request.stream()) {
                return AnswerWriter.stream(exchange, call.fault(), SSE, format.events(), format.malformed(), recorder);
            }
            return AnswerWriter.json(exchange, call.fault(), Replies.JSON, format.json(), answer.tokens(),
                    () -> recorder.wholeSent(answer.text(), answer.tokens(), format.finishReason()));
        });
    }
}
