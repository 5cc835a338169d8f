package dev.switchboard.edge.resilience;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RoutePolicy;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.UpstreamProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Serves a request from its plan's candidates despite failing providers. Walks the candidates in order (those a
 * 429 cooled down last, those whose breaker is open skipped), retries a deployment after a retryable failure with
 * jittered exponential backoff that honours {@code Retry-After}, fails over to the next candidate after that, and
 * never makes more attempts than the route's or the edge's cap, nor waits past the request's deadline. A failure
 * the request itself caused is returned at once. Non-streamed requests on a route that asks for it are hedged: a
 * second attempt starts on the next candidate when the first is slow, the first answer wins, the loser is
 * cancelled.
 *
 * <p>An attempt ends, from this class's point of view, when its answer begins: a stream's first byte, or a whole
 * JSON body. After that the caller owns the outcome (a stream that breaks is not retried; the client has part of
 * it) and reports it on the {@link AttemptContext}.
 */
@Component
public class ResilientCalls {

    /** One attempt at one candidate: completes with the begun answer, or fails (ideally with an {@link AttemptFailure}). */
    @FunctionalInterface
    public interface Attempt<T> {
        Mono<T> call(AttemptContext context);
    }

    private final DeploymentBreakers breakers;
    private final ResilienceMetrics metrics;
    private final ResilienceProperties properties;
    private final Backoff backoff;
    private final long requestTimeoutNanos;

    ResilientCalls(DeploymentBreakers breakers, ResilienceMetrics metrics, ResilienceProperties properties,
                   UpstreamProperties upstream) {
        this.breakers = breakers;
        this.metrics = metrics;
        this.properties = properties;
        this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax());
        this.requestTimeoutNanos = upstream.totalTimeout().toNanos();
    }

    /**
     * Serves {@code exchange} through {@code attempt}, one candidate after another.
     *
     * @param hedgeable whether the request may be hedged (not for streams: two streams cannot both reach the client)
     */
    public <T> Mono<T> call(RequestExchange exchange, boolean hedgeable, Attempt<T> attempt) {
        return Mono.defer(() -> new Walk<>(exchange, hedgeable, attempt).next());
    }

    /** The state of serving one request: which candidate is next and what has failed so far. */
    private final class Walk<T> {

        private final RequestExchange exchange;
        private final Attempt<T> attempt;
        private final List<RouteCandidate> order;
        private final String planFirst;
        private final int maxAttempts;
        private final Duration hedgeAfter;
        private final long deadlineNanos = System.nanoTime() + requestTimeoutNanos;
        private final List<AttemptFailure> failures = Collections.synchronizedList(new ArrayList<>(2));
        private final List<RouteCandidate> skipped = new ArrayList<>(0);
        private int index;
        private int triesOnCurrent;

        Walk(RequestExchange exchange, boolean hedgeable, Attempt<T> attempt) {
            this.exchange = exchange;
            this.attempt = attempt;
            this.order = coolestFirst(exchange.candidates());
            this.planFirst = exchange.candidates().get(0).deploymentId();
            RoutePolicy policy = exchange.plan() == null ? null : exchange.plan().policy();
            this.maxAttempts = policy != null && policy.maxAttempts() != null
                    ? policy.maxAttempts() : properties.maxAttempts();
            this.hedgeAfter = hedgeable && policy != null && policy.hedgeAfterMillis() != null
                    ? Duration.ofMillis(policy.hedgeAfterMillis()) : null;
        }

        Mono<T> next() {
            while (index < order.size() && exchange.attemptCount() < maxAttempts && System.nanoTime() < deadlineNanos) {
                RouteCandidate candidate = order.get(index);
                CircuitBreaker breaker = breakers.breaker(candidate.deploymentId());
                if (!breaker.tryAcquirePermission()) {
                    skipped.add(candidate);
                    moveOn();
                    continue;
                }
                triesOnCurrent++;
                AttemptContext context = start(candidate, breaker, role(candidate));
                if (hedgeAfter != null && exchange.attemptCount() < maxAttempts && index + 1 < order.size()) {
                    return hedged(context);
                }
                return once(context).onErrorResume(AttemptFailure.class, this::afterFailure);
            }
            return Mono.error(exhausted());
        }

        private AttemptContext start(RouteCandidate candidate, CircuitBreaker breaker, String role) {
            metrics.attempt();
            long deadline = Math.min(deadlineNanos, System.nanoTime() + candidateTimeoutNanos(candidate));
            return new AttemptContext(exchange, exchange.startAttempt(candidate), breaker, deadline, role);
        }

        private long candidateTimeoutNanos(RouteCandidate candidate) {
            Long own = candidate.timeouts() == null ? null : candidate.timeouts().totalMillis();
            return own == null ? requestTimeoutNanos : TimeUnit.MILLISECONDS.toNanos(own);
        }

        private String role(RouteCandidate candidate) {
            if (!candidate.deploymentId().equals(planFirst)) {
                return "fallback";
            }
            return triesOnCurrent > 1 ? "retry" : "primary";
        }

        /** One attempt: served when it yields, classified and recorded when it fails, released when cancelled. */
        private Mono<T> once(AttemptContext context) {
            return Mono.defer(() -> attempt.call(context))
                    .doOnNext(answer -> context.serve())
                    .onErrorMap(error -> !(error instanceof AttemptFailure), error -> unclassified(context, error))
                    .doOnError(AttemptFailure.class, failure -> {
                        failures.add(failure);
                        metrics.failure(context.candidate(), failure.kind());
                        context.failed(failure);
                    })
                    .doOnCancel(() -> context.failed(exchange.servedBy() != null
                            ? FailureKind.HEDGE_LOST : FailureKind.CLIENT_CLOSED, 0));
        }

        /**
         * A failure the attempt did not classify: a {@link GatewayException} raised before the call went out is the
         * request's own problem; anything else is the gateway's, and repeating it elsewhere would not help.
         */
        private Throwable unclassified(AttemptContext context, Throwable error) {
            if (error instanceof GatewayException shown) {
                return new AttemptFailure(FailureKind.REQUEST_REJECTED, 0, shown);
            }
            context.failed(FailureKind.BAD_RESPONSE, 0);
            return error;
        }

        private Mono<T> afterFailure(AttemptFailure failure) {
            RouteCandidate candidate = order.get(index);
            FailureKind kind = failure.kind();
            if (kind == FailureKind.RATE_LIMITED) {
                long wait = failure.retryAfterMillis() > 0
                        ? failure.retryAfterMillis() : properties.defaultCooldown().toMillis();
                breakers.coolDown(candidate.deploymentId(), wait);
            }
            if (mayRetry(failure)) {
                long delay = backoff.delayMillis(triesOnCurrent, failure.retryAfterMillis());
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay) < deadlineNanos) {
                    metrics.retry(candidate);
                    return Mono.delay(Duration.ofMillis(delay)).then(Mono.defer(this::next));
                }
            }
            if (!kind.failover() && !ownLimitEnded(failure)) {
                return Mono.error(failure);
            }
            metrics.failover(candidate);
            moveOn();
            return next();
        }

        /**
         * A total timeout that was the candidate's own (its provider's {@code totalMillis}), with the request's
         * deadline still ahead: another candidate may still answer in time.
         */
        private boolean ownLimitEnded(AttemptFailure failure) {
            return failure.kind() == FailureKind.TOTAL_TIMEOUT && System.nanoTime() < deadlineNanos;
        }

        private boolean mayRetry(AttemptFailure failure) {
            if (triesOnCurrent > properties.retriesPerCandidate() || exchange.attemptCount() >= maxAttempts
                    || failure.retryAfterMillis() > properties.maxRetryAfter().toMillis()) {
                return false;
            }
            return switch (failure.kind().retry()) {
                case YES -> true;
                // a rate-limited deployment is waited for only when nothing else could serve
                case AS_LAST_RESORT -> index + 1 >= order.size();
                case NO -> false;
            };
        }

        private void moveOn() {
            index++;
            triesOnCurrent = 0;
        }

        /**
         * The first attempt, and a second on the next candidate if the first has not answered within the route's
         * hedge delay. The first answer wins and the other attempt is cancelled. If the first fails before the
         * hedge starts, the walk goes on as without hedging; if both fail, it goes on after the second candidate.
         */
        private Mono<T> hedged(AttemptContext first) {
            Sinks.One<Boolean> firstEnded = Sinks.one();
            int secondIndex = index + 1;
            boolean[] launched = {false};
            Mono<T> firstAnswer = once(first).doFinally(signal -> firstEnded.tryEmitValue(true));
            Mono<T> secondAnswer = Mono.delay(hedgeAfter)
                    .takeUntilOther(firstEnded.asMono())
                    .flatMap(tick -> {
                        RouteCandidate candidate = order.get(secondIndex);
                        CircuitBreaker breaker = breakers.breaker(candidate.deploymentId());
                        if (!breaker.tryAcquirePermission()) {
                            return Mono.<T>empty();
                        }
                        launched[0] = true;
                        metrics.hedge(candidate);
                        return once(start(candidate, breaker, "hedge"));
                    });
            return Mono.firstWithValue(firstAnswer, secondAnswer)
                    .onErrorResume(error -> afterHedge(launched[0], secondIndex));
        }

        private Mono<T> afterHedge(boolean launched, int secondIndex) {
            AttemptFailure terminal = null;
            AttemptFailure firstFailure;
            synchronized (failures) {
                if (failures.isEmpty()) {
                    return Mono.error(exhausted());
                }
                firstFailure = failures.get(0);
                for (AttemptFailure failure : failures) {
                    if (!failure.kind().failover()) {
                        terminal = failure;
                    }
                }
            }
            if (!launched) {
                return afterFailure(firstFailure);
            }
            if (terminal != null) {
                return Mono.error(terminal);
            }
            index = secondIndex;
            moveOn();
            return next();
        }

        /**
         * The client's answer when no candidate served: what every attempt agreed on where that is telling (all
         * rate limited → 429, all timed out → 504, the provider refusing the gateway's key → 502), otherwise 503.
         * Always with a Retry-After.
         */
        private GatewayException exhausted() {
            metrics.exhausted();
            List<AttemptFailure> failed;
            synchronized (failures) {
                failed = List.copyOf(failures);
            }
            if (failed.isEmpty()) {
                return breakersOpen();
            }
            AttemptFailure last = failed.get(failed.size() - 1);
            boolean allAlike = failed.stream().allMatch(failure -> failure.kind() == last.kind());
            if (allAlike && (last.kind() == FailureKind.RATE_LIMITED || last.kind() == FailureKind.PROVIDER_AUTH
                    || last.kind().timeout())) {
                return withRetryAfter(last, Math.max(1, last.retryAfterSeconds()));
            }
            long hint = failed.stream().mapToLong(GatewayException::retryAfterSeconds).filter(s -> s > 0)
                    .min().orElse(1);
            StringBuilder tried = new StringBuilder();
            for (int i = 0; i < failed.size(); i++) {
                AttemptFailure failure = failed.get(i);
                tried.append(i == 0 ? "" : ", ").append(failure.kind().wireName());
                if (failure.providerStatus() > 0) {
                    tried.append(" (").append(failure.providerStatus()).append(')');
                }
            }
            return new GatewayException(503, "service_unavailable_error", "providers_unavailable", null,
                    "No provider could serve '" + exchange.requestedModel() + "': " + failed.size()
                            + (failed.size() == 1 ? " attempt" : " attempts") + " failed (" + tried + ").", hint);
        }

        private GatewayException breakersOpen() {
            long waitMillis = skipped.stream().mapToLong(c -> breakers.millisUntilProbe(c.deploymentId()))
                    .filter(millis -> millis > 0).min().orElse(1000);
            return new GatewayException(503, "service_unavailable_error", "providers_unavailable", null,
                    "No provider can take requests for '" + exchange.requestedModel()
                            + "' now: every candidate's circuit breaker is open.",
                    Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    private static GatewayException withRetryAfter(GatewayException error, long seconds) {
        if (error.retryAfterSeconds() == seconds) {
            return error;
        }
        return new GatewayException(error.status(), error.type(), error.code(), error.param(), error.getMessage(),
                seconds);
    }

    /** The candidates in plan order, except that deployments cooling down after a 429 go last, soonest ready first. */
    private List<RouteCandidate> coolestFirst(List<RouteCandidate> candidates) {
        List<RouteCandidate> ready = new ArrayList<>(candidates.size());
        List<RouteCandidate> cooling = null;
        for (RouteCandidate candidate : candidates) {
            if (breakers.coolingMillis(candidate.deploymentId()) > 0) {
                cooling = cooling == null ? new ArrayList<>(1) : cooling;
                cooling.add(candidate);
            } else {
                ready.add(candidate);
            }
        }
        if (cooling == null) {
            return candidates;
        }
        cooling.sort(Comparator.comparingLong(c -> breakers.coolingMillis(c.deploymentId())));
        ready.addAll(cooling);
        return ready;
    }
}
