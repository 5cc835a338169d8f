package dev.switchboard.edge.chat;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.api.RateLimitHeaders;
import dev.switchboard.edge.latency.DeploymentLatencies;
import dev.switchboard.edge.observability.PromptLog;
import dev.switchboard.edge.observability.PromptText;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.ProviderAdapters;
import dev.switchboard.edge.provider.ProviderCalls;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.provider.UpstreamExchange;
import dev.switchboard.edge.resilience.AttemptContext;
import dev.switchboard.edge.resilience.ResilientCalls;
import dev.switchboard.edge.usage.UsageEmitter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Sends an admitted request to its resolved route's candidates through {@link ResilientCalls} (retries, failover,
 * breakers, hedging), each through its provider's adapter, and relays the answer in the ingress's shape: JSON
 * whole, streams event by event through {@link StreamRelay}. Provider refusals become classified attempt
 * failures; the one the client sees is rendered by the pipeline.
 */
@Component
class ChatDispatcher {

    private final ProviderAdapters adapters;
    private final ProviderCalls calls;
    private final ResilientCalls resilient;
    private final StreamRelay streams;
    private final UsageEmitter usage;
    private final DeploymentLatencies latencies;
    private final PromptLog prompts;

    ChatDispatcher(ProviderAdapters adapters, ProviderCalls calls, ResilientCalls resilient, StreamRelay streams,
                   UsageEmitter usage, DeploymentLatencies latencies, PromptLog prompts) {
        this.prompts = prompts;
        this.adapters = adapters;
        this.calls = calls;
        this.resilient = resilient;
        this.streams = streams;
        this.usage = usage;
        this.latencies = latencies;
    }

    Mono<ServerResponse> dispatch(ChatCall call) {
        RequestExchange exchange = call.exchange();
        if (call.request().stream()) {
            return resilient.call(exchange, false, context -> {
                ProviderAdapter adapter = adapters.forCandidate(context.candidate());
                return send(call, adapter, context).flatMap(answer -> streams.relay(call, adapter, answer, context));
            });
        }
        return resilient.call(exchange, true, context -> attemptJson(call, context))
                .flatMap(answer -> respondJson(call, answer));
    }

    private Mono<UpstreamExchange> send(ChatCall call, ProviderAdapter adapter, AttemptContext context) {
        RouteCandidate candidate = context.candidate();
        return calls.sendExpectingSuccess(adapter, candidate,
                adapter.chat(call.request(), candidate, calls.keyFor(candidate)), call.exchange().requestId(),
                call.request().stream(), context.deadlineNanos());
    }

    /** A non-streamed attempt's whole answer, translated but not yet accepted: a hedge may still lose. */
    private record JsonAnswer(int status, TranslatedResponse translated, AttemptContext context) {
    }

    private Mono<JsonAnswer> attemptJson(ChatCall call, AttemptContext context) {
        ProviderAdapter adapter = adapters.forCandidate(context.candidate());
        return send(call, adapter, context).flatMap(answer -> calls.body(answer).map(bytes -> {
            context.answered();
            try {
                return new JsonAnswer(answer.status(),
                        adapter.completion(bytes, call.request(), context.candidate()), context);
            } catch (RuntimeException unreadable) {
                throw ProviderCalls.badResponse(answer.status(), unreadable);
            }
        }));
    }

    private Mono<ServerResponse> respondJson(ChatCall call, JsonAnswer answer) {
        RequestExchange exchange = call.exchange();
        AttemptContext context = answer.context();
        exchange.firstByte();
        exchange.usage(answer.translated().usage());
        context.succeeded(answer.status());
        latencies.record(context.candidate().deploymentId(), context.answerNanos());
        if (exchange.finish()) {
            usage.emit(exchange.toUsageEvent(answer.status(), null), exchange.trace().publish());
        }
        if (exchange.key().logPrompts()) {
            byte[] completion = answer.translated().body();
            prompts.record(exchange.requestId(), exchange.key().teamId(), call.request().messages(),
                    () -> PromptText.ofCompletion(completion));
        }
        byte[] body = call.ingress().completion(answer.translated().body(), call.request(), exchange.requestId());
        return ServerResponse.status(answer.status())
                .headers(headers -> servedBy(headers, call))
                .contentType(MediaType.APPLICATION_JSON)
                .build((web, renderContext) -> web.getResponse()
                        .writeWith(Mono.just(web.getResponse().bufferFactory().wrap(body))));
    }

    static void servedBy(HttpHeaders headers, ChatCall call) {
        RequestExchange exchange = call.exchange();
        RouteCandidate candidate = exchange.candidate();
        headers.set(GatewayHeaders.REQUEST_ID, exchange.requestId());
        headers.set(GatewayHeaders.SERVED_PROVIDER, candidate.providerId());
        headers.set(GatewayHeaders.SERVED_MODEL, candidate.upstreamModel());
        headers.set(GatewayHeaders.ROUTE, exchange.plan().routeId());
        GatewayHeaders.attempts(headers, exchange);
        RateLimitHeaders.write(headers, exchange.admission());
        call.ingress().headers(headers, exchange.requestId());
    }
}
