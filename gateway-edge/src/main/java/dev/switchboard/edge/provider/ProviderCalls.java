package dev.switchboard.edge.provider;

import dev.switchboard.contracts.routing.ProviderTimeouts;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.resilience.AttemptFailure;
import dev.switchboard.edge.resilience.FailureKind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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

    /**
     * Sends the call and waits for the response headers. A {@link CallTimer} on the connection's event loop watches
     * it: on a stream, the first-token limit until the first bytes and the idle limit between reads after them;
     * otherwise the deadline alone. The candidate's provider timeouts override the edge's defaults field by field. A limit that passes closes the call with a 504 {@code timeout_error}.
     */
    public Mono<UpstreamExchange> send(RouteCandidate candidate, UpstreamRequest request, String requestId,
                                       boolean stream, long deadline) {
        ProviderTimeouts own = candidate.timeouts();
        long total = orDefault(own.totalMillis(), totalTimeout);
        CallTimer timer = stream
                ? new CallTimer(orDefault(own.firstTokenMillis(), firstTokenTimeout),
                        orDefault(own.idleMillis(), idleTimeout), deadline)
                : new CallTimer(total, total, deadline);
        return upstream.send(candidate, request, requestId, timer);
    }

    /** A provider's own timeout (null: not set) in nanoseconds, else the edge's default. */
    private static long orDefault(Long millis, Duration edgeDefault) {
        return millis == null ? edgeDefault.toNanos() : TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** The whole body of a non-streamed answer, within the call's deadline. */
    public Mono<byte[]> body(UpstreamExchange answer) {
        return answer.bodyBytes();
    }

    /**
     * The client-facing failure for a provider error answer. A provider refusing the gateway's own credential is
     * the gateway's fault, not the client's, so it becomes a 502 rather than a 401 the client would act on.
     */
    public Mono<AttemptFailure> failure(ProviderAdapter adapter, RouteCandidate candidate,
                                        UpstreamExchange answer) {
        return body(answer)
                .onErrorResume(e -> Mono.just(new byte[0]))
                .map(bytes -> AttemptFailure.answered(answer.status(), shown(adapter, candidate, answer, bytes)));
    }

    /** Sends the call and fails with the classified {@link AttemptFailure} when the provider answers an error. */
    public Mono<UpstreamExchange> sendExpectingSuccess(ProviderAdapter adapter, RouteCandidate candidate,
                                                       UpstreamRequest request, String requestId, boolean stream,
                                                       long deadline) {
        return send(candidate, request, requestId, stream, deadline)
                .flatMap(answer -> answer.status() >= 400
                        ? failure(adapter, candidate, answer).flatMap(Mono::error)
                        : Mono.just(answer));
    }

    private GatewayException shown(ProviderAdapter adapter, RouteCandidate candidate, UpstreamExchange answer,
                                   byte[] bytes) {
        GatewayException error = adapter.error(answer.status(), answer.response().responseHeaders(), bytes);
        if (error.status() == 401 || error.status() == 403) {
            return new GatewayException(502, "api_error", "provider_auth_failed", null,
                    "Provider '" + candidate.providerId() + "' refused the gateway's credential.", 0);
        }
        return redacted(error, keyFor(candidate));
    }

    /**
     * A success answer whose body the adapter could not read: another deployment may answer properly. The
     * adapter's own message is kept when it has one for the client.
     */
    public static AttemptFailure badResponse(int status, Throwable error) {
        GatewayException shown = error instanceof GatewayException known ? known
                : new GatewayException(502, "api_error", "provider_bad_response", null,
                        "The provider's answer could not be read.", 0);
        return new AttemptFailure(FailureKind.BAD_RESPONSE, status, shown);
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
