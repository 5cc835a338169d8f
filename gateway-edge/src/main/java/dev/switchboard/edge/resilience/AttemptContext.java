package dev.switchboard.edge.resilience;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.pipeline.ProviderAttempt;
import dev.switchboard.edge.pipeline.RequestExchange;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One provider attempt as the resilience layer sees it: the candidate, the deadline the call must meet, and the
 * breaker permission it holds. Exactly one outcome reaches the breaker and the usage event, whichever path ends
 * the attempt first. A streamed attempt's outcome is known only when its stream ends, so the stream relay reports
 * it ({@link #succeeded}, {@link #failed}); failures before the answer began are reported by {@link ResilientCalls}.
 */
public final class AttemptContext {

    private final RequestExchange exchange;
    private final ProviderAttempt attempt;
    private final CircuitBreaker breaker;
    private final long deadlineNanos;
    private final String role;
    /** Whether the breaker has heard this attempt's outcome; apart from the usage record, which the client leaving
     * may end first. */
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile long answeredNanos;

    AttemptContext(RequestExchange exchange, ProviderAttempt attempt, CircuitBreaker breaker, long deadlineNanos,
                   String role) {
        this.exchange = exchange;
        this.attempt = attempt;
        this.breaker = breaker;
        this.deadlineNanos = deadlineNanos;
        this.role = role;
    }

    /** How this attempt would have reached the answer: {@code primary}, {@code retry}, {@code fallback}, {@code hedge}. */
    String role() {
        return role;
    }

    public RouteCandidate candidate() {
        return attempt.candidate();
    }

    /** The {@link System#nanoTime()} by which the call must have finished. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    ProviderAttempt attempt() {
        return attempt;
    }

    /**
     * This attempt's answer is the one the client gets. A stream says so at its first byte, before its response
     * headers are written, so they name the deployment and how it was reached.
     */
    public void serve() {
        exchange.served(attempt, role);
    }

    /** The answer began (first bytes of a stream, or the whole body): the breaker times the call to here. */
    public void answered() {
        if (answeredNanos == 0) {
            answeredNanos = System.nanoTime();
        }
    }

    /** Nanoseconds from sending to the answer (or to now, if it has not begun). */
    public long answerNanos() {
        long end = answeredNanos == 0 ? System.nanoTime() : answeredNanos;
        return end - attempt.startNanos();
    }

    public void succeeded(int status) {
        attempt.end("success", status, null);
        if (settled.compareAndSet(false, true)) {
            breaker.onSuccess(answerNanos(), TimeUnit.NANOSECONDS);
        }
    }

    public void failed(AttemptFailure failure) {
        failed(failure.kind(), failure.providerStatus());
    }

    public void failed(FailureKind kind, int status) {
        attempt.end(kind == FailureKind.HEDGE_LOST ? "cancelled" : "error", status, kind.wireName());
        if (settled.compareAndSet(false, true)) {
            if (kind.breakerFailure()) {
                breaker.onError(answerNanos(), TimeUnit.NANOSECONDS, new AttemptFailedSignal(kind));
            } else {
                // says nothing about the deployment's health (a poison request, a client leaving): the permit returns
                breaker.releasePermission();
            }
        }
    }

    /** What the breaker records as the failure; carries only the kind, never provider text. */
    static final class AttemptFailedSignal extends RuntimeException {
        AttemptFailedSignal(FailureKind kind) {
            super(kind.wireName(), null, false, false);
        }
    }
}
