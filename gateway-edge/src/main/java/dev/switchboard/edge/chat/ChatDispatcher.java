package dev.switchboard.edge.chat;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import dev.switchboard.edge.latency.DeploymentLatencies;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.ProviderAdapter;
import dev.switchboard.edge.provider.ProviderAdapters;
import dev.switchboard.edge.provider.ProviderCalls;
import dev.switchboard.edge.provider.TranslatedResponse;
import dev.switchboard.edge.provider.UpstreamExchange;
import dev.switchboard.edge.provider.UpstreamRequest;
import dev.switchboard.edge.usage.UsageEmitter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Sends an admitted request to the first candidate of its resolved route through that provider's adapter and relays the
 * answer in the ingress's shape: JSON whole, streams event by event through {@link StreamRelay}. Provider
 * refusals become {@link GatewayException}s of the shared taxonomy, rendered by the pipeline.
 */
@Component
class ChatDispatcher {

    private final ProviderAdapters adapters;
    private final ProviderCalls calls;
    private final StreamRelay streams;
    private final UsageEmitter usage;
    private final DeploymentLatencies latencies;

    ChatDispatcher(ProviderAdapters adapters, ProviderCalls calls, StreamRelay streams, UsageEmitter usage,
                   DeploymentLatencies latencies) {
        this.adapters = adapters;
        this.calls = calls;
        this.streams = streams;
        this.usage = usage;
        this.latencies = latencies;
    }

    Mono<ServerResponse> dispatch(ChatCall call) {
        RequestExchange exchange = call.exchange();
        RouteCandidate candidate = exchange.candidate();
        ProviderAdapter adapter = adapters.forCandidate(candidate);
        boolean stream = call.request().stream();
        UpstreamRequest request = adapter.chat(call.request(), candidate, calls.keyFor(candidate));
        long deadline = calls.deadline(candidate);
        exchange.attemptStarted();
        return calls.send(candidate, request, exchange.requestId(), stream, deadline)
                .doOnError(GatewayException.class, e -> exchange.attemptEnded("error", 0, e.type()))
                .flatMap(answer -> {
                    if (answer.status() >= 400) {
                        return calls.failure(adapter, candidate, answer)
                                .doOnNext(e -> exchange.attemptEnded("error", answer.status(), e.type()))
                                .flatMap(Mono::error);
                    }
                    return stream ? streams.relay(call, adapter, answer) : relayJson(call, adapter, answer);
                });
    }

    private Mono<ServerResponse> relayJson(ChatCall call, ProviderAdapter adapter, UpstreamExchange answer) {
        RequestExchange exchange = call.exchange();
        return calls.body(answer).flatMap(bytes -> {
            exchange.firstByte();
            TranslatedResponse translated = adapter.completion(bytes, call.request(), exchange.candidate());
            exchange.usage(translated.usage());
            exchange.attemptEnded("success", answer.status(), null);
            latencies.record(exchange.candidate().deploymentId(), exchange.answerNanos());
            if (exchange.finish()) {
                usage.emit(exchange.toUsageEvent(answer.status(), null));
            }
            byte[] body = call.ingress().completion(translated.body(), call.request(), exchange.requestId());
            return ServerResponse.status(answer.status())
                    .headers(headers -> servedBy(headers, call))
                    .contentType(MediaType.APPLICATION_JSON)
                    .build((web, context) -> web.getResponse()
                            .writeWith(Mono.just(web.getResponse().bufferFactory().wrap(body))));
        });
    }

    static void servedBy(HttpHeaders headers, ChatCall call) {
        RequestExchange exchange = call.exchange();
        RouteCandidate candidate = exchange.candidate();
        headers.set(GatewayHeaders.REQUEST_ID, exchange.requestId());
        headers.set(GatewayHeaders.SERVED_PROVIDER, candidate.providerId());
        headers.set(GatewayHeaders.SERVED_MODEL, candidate.upstreamModel());
        headers.set(GatewayHeaders.ROUTE, exchange.plan().routeId());
        call.ingress().headers(headers, exchange.requestId());
    }
}
