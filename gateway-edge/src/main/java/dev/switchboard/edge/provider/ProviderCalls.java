package dev.switchboard.edge.provider;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The provider-call steps every endpoint shares: the credential, the timeouts against one deadline per call, and
 * turning an error answer into the shared taxonomy without ever letting the credential reach the client.
 */
@Component
public class ProviderCalls {

    private final UpstreamClient upstream;
    private final ProviderCredentials credentials;
    private final Duration firstTokenTimeout;
    private final Duration idleTimeout;
    private final Duration totalTimeout;

    ProviderCalls(UpstreamClient upstream, ProviderCredentials credentials, UpstreamProperties properties) {
        this.upstream = upstream;
        this.credentials = credentials;
        this.firstTokenTimeout = properties.firstTokenTimeout();
        this.idleTimeout = properties.idleTimeout();
        this.totalTimeout = properties.totalTimeout();
    }

    /** The candidate's provider credential, or null when it needs none. */
    public String keyFor(RouteCandidate candidate) {
        return credentials.keyFor(candidate).orElse(null);
    }

    /** The {@link System#nanoTime()} by which a call starting now must have finished. */
    public long deadline() {
        return System.nanoTime() + totalTimeout.toNanos();
    }

    /**
     * Sends the call and waits for the response headers. A {@link CallTimer} on the connection's event loop watches
     * it: on a stream, the first-token limit until the first bytes and the idle limit between reads after them;
     * otherwise the deadline alone. A limit that passes closes the call with a 504 {@code timeout_error}.
     */
    public Mono<UpstreamExchange> send(RouteCandidate candidate, UpstreamRequest request, String requestId,
                                       boolean stream, long deadline) {
        CallTimer timer = stream
                ? new CallTimer(firstTokenTimeout.toNanos(), idleTimeout.toNanos(), deadline)
                : new CallTimer(totalTimeout.toNanos(), totalTimeout.toNanos(), deadline);
        return upstream.send(candidate, request, requestId, timer);
    }

    /** The whole body of a non-streamed answer, within the call's deadline. */
    public Mono<byte[]> body(UpstreamExchange answer) {
        return answer.bodyBytes();
    }

    /**
     * The client-facing failure for a provider error answer. A provider refusing the gateway's own credential is
     * the gateway's fault, not the client's, so it becomes a 502 rather than a 401 the client would act on.
     */
    public Mono<GatewayException> failure(ProviderAdapter adapter, RouteCandidate candidate,
                                          UpstreamExchange answer) {
        return body(answer)
                .onErrorResume(e -> Mono.just(new byte[0]))
                .map(bytes -> {
                    GatewayException error = adapter.error(answer.status(), answer.response().responseHeaders(), bytes);
                    if (error.status() == 401 || error.status() == 403) {
                        return new GatewayException(502, "api_error", "provider_auth_failed", null,
                                "Provider '" + candidate.providerId() + "' refused the gateway's credential.", 0);
                    }
                    return redacted(error, keyFor(candidate));
                });
    }

    /** Defence in depth: whatever a provider echoes, its credential never reaches the client. */
    static GatewayException redacted(GatewayException error, String key) {
        String message = error.getMessage();
        if (key == null || key.isEmpty() || message == null || !message.contains(key)) {
            return error;
        }
        return new GatewayException(error.status(), error.type(), error.code(), error.param(),
                message.replace(key, "[redacted]"), error.retryAfterSeconds());
    }
}
