package dev.switchboard.edge.pipeline;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.usage.UsageAttempt;
import io.micrometer.tracing.Span;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call to a provider made while serving a request. It ends exactly once, however many paths race to end it
 * (the answer, a timeout, the client leaving, a hedge winning), and then joins the request's usage event.
 */
public final class ProviderAttempt {

    private final RequestExchange exchange;
    private final RouteCandidate candidate;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Span span;

    ProviderAttempt(RequestExchange exchange, RouteCandidate candidate) {
        this.exchange = exchange;
        this.candidate = candidate;
        this.span = exchange.trace().attempt(candidate);
    }

    public RouteCandidate candidate() {
        return candidate;
    }

    public long startNanos() {
        return startNanos;
    }

    public boolean isOpen() {
        return !ended.get();
    }

    /** Records how the attempt ended; later calls are ignored. True when this call ended it. */
    public boolean end(String outcome, int status, String errorType) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        exchange.attemptEnded(new UsageAttempt(candidate.providerId(), candidate.upstreamModel(), outcome,
                status, millis, errorType));
        if (span != Span.NOOP) {
            span.tag("outcome", outcome).tag("status", Integer.toString(status));
            if (errorType != null) {
                span.tag("error.type", errorType);
            }
            span.end();
        }
        return true;
    }
}
