package dev.switchboard.edge.chat;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.RequestIds;
import dev.switchboard.edge.auth.ApiKeyAuthenticator;
import dev.switchboard.edge.observability.EdgeTracing;
import dev.switchboard.edge.observability.RequestLogs;
import dev.switchboard.edge.observability.RequestTrace;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.edge.quota.AdmissionClient;
import dev.switchboard.edge.routing.ContextLengthExceededException;
import dev.switchboard.edge.routing.RequestRouter;
import dev.switchboard.edge.tokens.TokenCounter;
import dev.switchboard.edge.usage.UsageEmitter;
import dev.switchboard.edge.usage.UsageLogCapacity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The chat pipeline, the same for every {@link ChatIngress}: authenticate → read and validate → route (plan, then
 * resolve it: split arm, context fit) → admit → dispatch (which streams the answer back and emits usage). Any
 * refusal on the way ends in the ingress's error shape and, once the caller is known, a usage event recording it.
 */
@Component
public class ChatPipeline {

    private static final Logger log = LoggerFactory.getLogger(ChatPipeline.class);
    private static final Mono<Long> NOT_COUNTED = Mono.just(0L);

    private final ApiKeyAuthenticator authenticator;
    private final RequestRouter router;
    private final AdmissionClient admission;
    private final ChatDispatcher dispatcher;
    private final UsageEmitter usage;
    private final UsageLogCapacity usageLog;
    private final TokenCounter tokens;
    private final long defaultMaxOutputTokens;
    private final EdgeTracing tracing;

    ChatPipeline(ApiKeyAuthenticator authenticator, RequestRouter router, AdmissionClient admission,
                 ChatDispatcher dispatcher, UsageEmitter usage, UsageLogCapacity usageLog, TokenCounter tokens,
                 ChatApiProperties properties, EdgeTracing tracing) {
        this.tracing = tracing;
        this.authenticator = authenticator;
        this.router = router;
        this.admission = admission;
        this.dispatcher = dispatcher;
        this.usage = usage;
        this.usageLog = usageLog;
        this.tokens = tokens;
        this.defaultMaxOutputTokens = properties.defaultMaxOutputTokens();
    }

    public Mono<ServerResponse> handle(ServerRequest request, ChatIngress ingress) {
        RequestExchange exchange = new RequestExchange(RequestIds.next());
        GatewayException unrecordable = usageLog.refusal();
        if (unrecordable != null) {
            return ingress.error(unrecordable, exchange.requestId());
        }
        String apiKey = ingress.apiKey(request);
        if (apiKey == null) {
            return ingress.error(GatewayException.invalidApiKey(), exchange.requestId());
        }
        ChatCall call = new ChatCall(exchange, ingress);
        RequestTrace trace = tracing.start(request.exchange(), exchange.requestId());
        exchange.trace(trace);
        return trace.step("authenticate", authenticator.authenticate(apiKey)).doOnNext(exchange::authenticated)
                .then(ingress.read(request)).doOnNext(chat -> {
                    call.request(chat);
                    exchange.describe(chat.model(), chat.user(), chat.metadata(), chat.stream());
                })
                .then(Mono.defer(() -> trace.step("route",
                        router.routeChat(exchange, call.request(), request.headers()))))
                .then(Mono.defer(() -> trace.step("admit", admit(call))))
                .then(Mono.defer(() -> dispatcher.dispatch(call)))
                .onErrorResume(error -> fail(call, apiKey, error))
                .doOnCancel(() -> clientLeft(exchange))
                .contextWrite(trace::into);
    }

    /**
     * The client went away before an answer started (a stream's own relay records leaving later). The provider call,
     * if any, is cancelled with the subscription; what was admitted is still recorded.
     */
    private void clientLeft(RequestExchange exchange) {
        if (exchange.isAuthenticated() && exchange.finish()) {
            exchange.endOpenAttempts("error", 0, "client_closed");
            usage.emit(exchange.toUsageEvent(499, "client_closed"), exchange.trace().publish());
            releaseUnserved(exchange);
        }
    }

    /** A request no provider answered bills nothing, so its reservation goes back at once rather than at lease end. */
    private void releaseUnserved(RequestExchange exchange) {
        if (exchange.servedBy() == null && exchange.reservationId() != null) {
            admission.release(exchange.reservationId()).subscribe();
        }
    }

    /**
     * The prompt is tokenised only for a metered key (a token limit or budget reserves its worst case), off the
     * event loop: counting costs a tenth of the edge's CPU per request (docs/benchmarks.md). A ceiling admission
     * assumed for a request without its own cap is sent upstream as that cap.
     */
    private Mono<AdmissionDecision> admit(ChatCall call) {
        ChatRequest chat = call.request();
        RequestExchange exchange = call.exchange();
        Mono<Long> inputTokens = exchange.key().metered()
                ? Mono.fromCallable(() -> tokens.countMessages(chat.messages())).subscribeOn(Schedulers.parallel())
                : NOT_COUNTED;
        long maxOutput = chat.maxOutputTokens() == null ? defaultMaxOutputTokens : chat.maxOutputTokens();
        return inputTokens
                .flatMap(input -> admission.admit(new AdmissionRequest(exchange.requestId(), exchange.key().keyId(),
                        exchange.key().teamId(), chat.model(), input, chat.maxOutputTokens(), maxOutput,
                        AdmissionClient.candidates(exchange.candidates()), AdmissionRequest.CHAT)))
                .doOnNext(decision -> {
                    exchange.admitted(decision);
                    if (decision.outputTokenCeiling() != null && chat.maxOutputTokens() == null) {
                        call.request(chat.withOutputCap(decision.outputTokenCeiling()));
                    }
                });
    }

    private Mono<ServerResponse> fail(ChatCall call, String apiKey, Throwable error) {
        RequestExchange exchange = call.exchange();
        GatewayException failure = error instanceof GatewayException known ? known : unexpected(exchange, error);
        if ("invalid_api_key".equals(failure.code())) {
            authenticator.forget(apiKey);
        }
        if (failure instanceof ContextLengthExceededException tooLong) {
            exchange.route(tooLong.resolved());
        }
        if (exchange.isAuthenticated() && exchange.finish()) {
            usage.emit(exchange.toUsageEvent(failure.status(), failure.type()), exchange.trace().publish());
            releaseUnserved(exchange);
        }
        return call.ingress().error(failure, exchange.requestId());
    }

    private static GatewayException unexpected(RequestExchange exchange, Throwable error) {
        log.atError().addKeyValue(RequestLogs.REQUEST_ID, exchange.requestId()).setCause(error)
                .log("Unexpected failure serving a chat request");
        return new GatewayException(500, "server_error", null, null, "The gateway failed to serve this request.", 0);
    }
}
