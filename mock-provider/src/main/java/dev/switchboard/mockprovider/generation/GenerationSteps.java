package dev.switchboard.mockprovider.generation;

import dev.switchboard.mockprovider.answer.Answer;
import dev.switchboard.mockprovider.answer.AnswerGenerator;
import dev.switchboard.mockprovider.answer.ChatRequest;
import dev.switchboard.mockprovider.http.AnswerWriter;
import dev.switchboard.mockprovider.http.BadRequest;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Replies;
import dev.switchboard.mockprovider.http.VendorApi;
import dev.switchboard.mockprovider.http.VendorGate;
import dev.switchboard.mockprovider.http.VendorGate.Call;
import dev.switchboard.mockprovider.ledger.GenerationRecorder;
import dev.switchboard.mockprovider.ledger.MockLedger;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every generating endpoint does around its vendor-specific parts: pass the {@link VendorGate}, answer the
 * vendor's 400 for a body that is not a JSON object or that the vendor's reader rejects, open the ledger entry, and
 * send the response whole or streamed with the body-level faults applied.
 *
 * <p>Readers reject a request by throwing {@link IllegalArgumentException} (or {@link BadRequest}, which names the
 * offending field). Only reading is guarded that way: a failure while sending is the mock's own 500.
 */
public final class GenerationSteps {

    /** Renders a generated chat answer in the vendor's wire format. */
    @FunctionalInterface
    public interface ChatRenderer {
        AnswerFormat render(ChatRequest request, Answer answer, ReportedUsage usage);
    }

    /** Reads an embeddings request and renders its whole response. */
    @FunctionalInterface
    public interface EmbeddingsReader {
        Embeddings read(JsonNode body, boolean omitUsage);
    }

    /** A rendered embeddings response; it is billed for its prompt tokens only. */
    public record Embeddings(String json, int promptTokens) {
    }

    private record Generated(ChatRequest request, Answer answer) {
    }

    private final VendorGate gate;
    private final MockLedger ledger;

    public GenerationSteps(VendorGate gate, MockLedger ledger) {
        this.gate = gate;
        this.ledger = ledger;
    }

    /**
     * Answers a chat request with the mock's generated answer.
     *
     * @param model model named by the request, for per-model fault rules; null when unknown
     * @param body  the parsed request body, or null when it is not JSON
     */
    public Mono<Void> chat(Exchange exchange, VendorApi api, String model, JsonNode body,
                           Function<JsonNode, ChatRequest> reader, ChatRenderer renderer) {
        return pass(exchange, api, model, body, (json, call) -> {
            ChatRequest request = reader.apply(json);
            return new Generated(request, AnswerGenerator.answer(request, exchange.answerTokens()));
        }, (generated, call) -> send(api, call, generated, renderer));
    }

    /** Answers an embeddings request; see {@link #chat} for the parameters. */
    public Mono<Void> embeddings(Exchange exchange, VendorApi api, String model, JsonNode body,
                                 EmbeddingsReader reader) {
        return pass(exchange, api, model, body, (json, call) -> reader.read(json, call.fault().omitsUsage()),
                (embeddings, call) -> {
                    GenerationRecorder recorder = startGeneration(api, call, null, model, false,
                            new ReportedUsage(embeddings.promptTokens(), 0, 0, false), null);
                    return AnswerWriter.json(exchange, call.fault(), Replies.JSON, embeddings.json(), 0,
                            () -> recorder.wholeSent("", 0, null));
                });
    }

    private <R> Mono<Void> pass(Exchange exchange, VendorApi api, String model, JsonNode body,
                                BiFunction<JsonNode, Call, R> reader, BiFunction<R, Call, Mono<Void>> responder) {
        return gate.pass(exchange, api, model, call -> {
            if (body == null || !body.isObject()) {
                return Replies.error(exchange, api.badRequest(api.notJsonMessage(), null, call.requestId()));
            }
            R request;
            try {
                request = reader.apply(body, call);
            } catch (IllegalArgumentException e) {
                String param = e instanceof BadRequest badRequest ? badRequest.param() : null;
                return Replies.error(exchange, api.badRequest(e.getMessage(), param, call.requestId()));
            }
            return responder.apply(request, call);
        });
    }

    private Mono<Void> send(VendorApi api, Call call, Generated generated, ChatRenderer renderer) {
        ChatRequest request = generated.request();
        Answer answer = generated.answer();
        ReportedUsage usage = ReportedUsage.of(request.promptTokens(), call.fault());
        AnswerFormat format = renderer.render(request, answer, usage);
        GenerationRecorder recorder = startGeneration(api, call, format.responseId(), request.model(),
                request.stream(), usage, answer.toolName());
        if (request.stream()) {
            return AnswerWriter.stream(call.exchange(), call.fault(), format.streamContentType(), format.events(),
                    format.malformed(), recorder);
        }
        return AnswerWriter.json(call.exchange(), call.fault(), format.contentType(), format.json(), answer.tokens(),
                () -> recorder.wholeSent(answer.text(), answer.tokens(), format.finishReason()));
    }

    private GenerationRecorder startGeneration(VendorApi api, Call call, String responseId, String model,
                                               boolean stream, ReportedUsage usage, String toolName) {
        // the ledger holds the vendor request id only where a client could see it: Gemini sends no such header
        String vendorRequestId = api.requestIdHeader() == null ? null : call.requestId();
        Exchange exchange = call.exchange();
        return ledger.startGeneration(api.vendor(), exchange.path(), responseId, vendorRequestId,
                exchange.correlationId(), model, stream, usage.promptTokens(), usage.cachedTokens(),
                usage.reasoningTokens(), toolName);
    }
}
