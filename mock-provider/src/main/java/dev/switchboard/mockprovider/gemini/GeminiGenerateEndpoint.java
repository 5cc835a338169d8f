package dev.switchboard.mockprovider.gemini;

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

/** {@code POST /v1beta/models/{model}:generateContent} and {@code :streamGenerateContent}. */
public final class GeminiGenerateEndpoint implements Router.Handler {

    static final String JSON = "application/json; charset=UTF-8";

    private final GeminiApi api;
    private final VendorGate gate;
    private final MockLedger ledger;
    private final boolean stream;

    /** @param stream true for {@code :streamGenerateContent} */
    public GeminiGenerateEndpoint(GeminiApi api, VendorGate gate, MockLedger ledger, boolean stream) {
        this.api = api;
        this.gate = gate;
        this.ledger = ledger;
        this.stream = stream;
    }

    @Override
    public Mono<Void> handle(Exchange exchange) {
        String model = exchange.pathParam(0);
        return gate.pass(exchange, api, model, call -> {
            JsonNode body = Json.parseOrNull(exchange.body());
            if (body == null || !body.isObject()) {
                return Replies.error(exchange, api.error(400, "Invalid JSON payload received.", call.requestId()));
            }
            ChatRequest request;
            Answer answer;
            try {
                request = GeminiRequests.parse(model, body, stream);
                answer = AnswerGenerator.answer(request, exchange.answerTokens());
            } catch (IllegalArgumentException e) {
                return Replies.error(exchange, api.error(400, e.getMessage(), call.requestId()));
            }
            String responseId = Ids.base62(22);
            int promptTokens = request.promptTokens();
            GeminiResponseFormat format = new GeminiResponseFormat(responseId, model, answer, promptTokens,
                    call.fault().omitsUsage());
            GenerationRecorder recorder = ledger.startGeneration(Vendor.GEMINI, exchange.path(), responseId, null,
                    exchange.correlationId(), model, stream, promptTokens, answer.toolName());
            if (stream) {
                boolean sse = "sse".equals(exchange.queryParam("alt"));
                return AnswerWriter.stream(exchange, call.fault(), sse ? "text/event-stream" : JSON,
                        format.events(sse), format.malformed(sse), recorder);
            }
            return AnswerWriter.json(exchange, call.fault(), JSON, format.json(), answer.tokens(),
                    () -> recorder.wholeSent(answer.text(), answer.tokens(), format.finishReason()));
        });
    }
}
