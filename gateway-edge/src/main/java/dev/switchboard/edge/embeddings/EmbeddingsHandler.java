package dev.switchboard.edge.embeddings;

import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.api.JsonBodyReader;
import dev.switchboard.edge.api.OpenAiErrors;
import dev.switchboard.edge.api.RateLimitHeaders;
import dev.switchboard.edge.api.RequestIds;
import dev.switchboard.edge.auth.ApiKeyAuthenticator;
import dev.switchboard.edge.auth.BearerKeys;
import dev.switchboard.edge.latency.DeploymentLatencies;
import dev.switchboard.edge.observability.EdgeTracing;
import dev.switchboard.edge.observability.RequestTrace;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.EmbeddingsRequest;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.ProviderAdapters;
import dev.switchboard.edge.provider.ProviderCalls;
import dev.switchboard.edge.provider.TokenUsage;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.resilience.AttemptContext;
import dev.switchboard.edge.resilience.ResilientCalls;
import dev.switchboard.edge.quota.AdmissionClient;
import dev.switchboard.edge.routing.RequestRouter;
import dev.switchboard.edge.tokens.TokenCounter;
import dev.switchboard.edge.usage.UsageEmitter;
import dev.switchboard.edge.usage.UsageLogCapacity;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Embeddings through the same steps as chat: authenticate → read and validate → route → admit → call the
 * provider through its adapter → answer in OpenAI's shape and emit one usage event. Providers that report no
 * token count (Gemini) are billed by counting the inputs, flagged estimated.
 */
@Component
class EmbeddingsHandler {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingsHandler.class);

    private final ApiKeyAuthenticator authenticator;
    private final JsonBodyReader reader;
    private final RequestRouter router;
    private final AdmissionClient admission;
    private final ProviderAdapters adapters;
    private final ProviderCalls calls;
    private final TokenCounter tokens;
    private final UsageEmitter usage;
    private final UsageLogCapacity usageLog;
    private final OpenAiErrors errors;
    private final JsonMapper json;
    private final DeploymentLatencies latencies;
    private final ResilientCalls resilient;
    private final EdgeTracing tracing;

    EmbeddingsHandler(ApiKeyAuthenticator authenticator, JsonBodyReader reader, RequestRouter router,
                      AdmissionClient admission, ProviderAdapters adapters, ProviderCalls calls, TokenCounter tokens,
                      UsageEmitter usage, UsageLogCapacity usageLog, OpenAiErrors errors, JsonMapper json,
                      DeploymentLatencies latencies, ResilientCalls resilient, EdgeTracing tracing) {
        this.resilient = resilient;
        this.tracing = tracing;
        this.authenticator = authenticator;
        this.reader = reader;
        this.router = router;
        this.admission = admission;
        this.adapters = adapters;
        this.calls = calls;
        this.tokens = tokens;
        this.usage = usage;
        this.usageLog = usageLog;
        this.errors = errors;
        this.json = json;
        this.latencies = latencies;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        RequestExchange exchange = new RequestExchange(RequestIds.next());
        GatewayException unrecordable = usageLog.refusal();
        if (unrecordable != null) {
            return errors.render(unrecordable, exchange.requestId());
        }
        String apiKey = BearerKeys.from(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        if (apiKey == null) {
            return errors.render(GatewayException.invalidApiKey(), exchange.requestId());
        }
        AtomicReference<EmbeddingsRequest> embeddings = new AtomicReference<>();
        RequestTrace trace = tracing.start(request.exchange(), exchange.requestId());
        exchange.trace(trace);
        return trace.step("authenticate", authenticator.authenticate(apiKey)).doOnNext(exchange::authenticated)
                .then(reader.read(request)).map(EmbeddingsRequest::from).doOnNext(parsed -> {
                    embeddings.set(parsed);
                    exchange.describe(parsed.model(), parsed.user(), null, false);
                })
                .then(Mono.defer(() -> trace.step("route", router.routeEmbeddings(exchange,
                        embeddings.get().model(), embeddings.get().user(), request.headers()))))
                .then(Mono.defer(() -> trace.step("admit", admit(exchange, embeddings.get()))))
                .then(Mono.defer(() -> call(exchange, embeddings.get())))
                .onErrorResume(error -> fail(exchange, apiKey, error))
                .contextWrite(trace::into);
    }

    /** A metered key's inputs are counted for the reservation, off the event loop; embeddings produce no output. */
    private Mono<Void> admit(RequestExchange exchange, EmbeddingsRequest request) {
        Mono<Long> inputTokens = exchange.key().metered()
                ? Mono.fromCallable(() -> inputTokens(request)).subscribeOn(Schedulers.parallel())
                : Mono.just(0L);
        return inputTokens
                .flatMap(input -> admission.admit(new AdmissionRequest(exchange.requestId(), exchange.key().keyId(),
                        exchange.key().teamId(), request.model(), input, null, 0,
                        AdmissionClient.candidates(exchange.candidates()), AdmissionRequest.EMBEDDINGS)))
                .doOnNext(exchange::admitted)
                .then();
    }

    /** The inputs' tokens: counted when they are text, the array lengths when the client sent tokens. */
    private long inputTokens(EmbeddingsRequest request) {
        if (request.texts() != null) {
            return estimate(request).inputTokens();
        }
        long counted = 0;
        for (JsonNode item : request.body().path("input")) {
            counted += item.isArray() ? item.size() : 1;
        }
        return counted;
    }

    private Mono<ServerResponse> call(RequestExchange exchange, EmbeddingsRequest request) {
        return resilient.call(exchange, true, context -> attempt(exchange, request, context))
                .flatMap(answer -> respond(exchange, request, answer));
    }

    /** One attempt's whole answer, read but not yet accepted: a hedge may still lose. */
    private record Answer(int status, TranslatedResponse translated, AttemptContext context) {
    }

    private Mono<Answer> attempt(RequestExchange exchange, EmbeddingsRequest request, AttemptContext context) {
        RouteCandidate candidate = context.candidate();
        ProviderAdapter adapter = adapters.forCandidate(candidate);
        return calls.sendExpectingSuccess(adapter, candidate,
                        adapter.embeddings(request, candidate, calls.keyFor(candidate)), exchange.requestId(), false,
                        context.deadlineNanos())
                .flatMap(answer -> calls.body(answer).map(bytes -> {
                    context.answered();
                    try {
                        return new Answer(answer.status(), adapter.embeddingsResponse(bytes, request, candidate),
                                context);
                    } catch (RuntimeException unreadable) {
                        throw ProviderCalls.badResponse(answer.status(), unreadable);
                    }
                }));
    }

    private Mono<ServerResponse> respond(RequestExchange exchange, EmbeddingsRequest request, Answer answer) {
        exchange.firstByte();
        TranslatedResponse translated = answer.translated();
        byte[] body = translated.body();
        if (translated.usage() != null) {
            exchange.usage(translated.usage());
        } else {
            TokenUsage counted = estimate(request);
            exchange.usage(counted);
            body = withUsage(body, counted);
        }
        byte[] answerBody = body;
        AttemptContext context = answer.context();
        context.succeeded(answer.status());
        latencies.record(context.candidate().deploymentId(), context.answerNanos());
        if (exchange.finish()) {
            usage.emit(exchange.toUsageEvent(answer.status(), null), exchange.trace().publish());
        }
        return ServerResponse.status(answer.status())
                .headers(headers -> {
                    headers.set(GatewayHeaders.REQUEST_ID, exchange.requestId());
                    headers.set(GatewayHeaders.SERVED_PROVIDER, context.candidate().providerId());
                    headers.set(GatewayHeaders.SERVED_MODEL, context.candidate().upstreamModel());
                    headers.set(GatewayHeaders.ROUTE, exchange.plan().routeId());
                    GatewayHeaders.attempts(headers, exchange);
                    RateLimitHeaders.write(headers, exchange.admission());
                })
                .contentType(MediaType.APPLICATION_JSON)
                .build((web, renderContext) -> web.getResponse()
                        .writeWith(Mono.just(web.getResponse().bufferFactory().wrap(answerBody))));
    }

    /** The client sees the gateway's own count where the provider reported none, as OpenAI's usage object. */
    private byte[] withUsage(byte[] body, TokenUsage counted) {
        JsonNode answer = json.readTree(body);
        if (!(answer instanceof ObjectNode object)) {
            return body;
        }
        object.putObject("usage").put("prompt_tokens", counted.inputTokens()).put("total_tokens", counted.inputTokens());
        return json.writeValueAsBytes(object);
    }

    private TokenUsage estimate(EmbeddingsRequest request) {
        long counted = 0;
        if (request.texts() != null) {
            for (String text : request.texts()) {
                counted += tokens.count(text);
            }
        }
        return new TokenUsage(counted, 0, 0, 0, true);
    }

    private Mono<ServerResponse> fail(RequestExchange exchange, String apiKey, Throwable error) {
        GatewayException failure;
        if (error instanceof GatewayException known) {
            failure = known;
        } else {
            log.error("Unexpected failure serving an embeddings request", error);
            failure = new GatewayException(500, "server_error", null, null,
                    "The gateway failed to serve this request.", 0);
        }
        if ("invalid_api_key".equals(failure.code())) {
            authenticator.forget(apiKey);
        }
        if (exchange.isAuthenticated() && exchange.finish()) {
            usage.emit(exchange.toUsageEvent(failure.status(), failure.type()), exchange.trace().publish());
            if (exchange.servedBy() == null && exchange.reservationId() != null) {
                admission.release(exchange.reservationId()).subscribe();
            }
        }
        return errors.render(failure, exchange.requestId());
    }
}
