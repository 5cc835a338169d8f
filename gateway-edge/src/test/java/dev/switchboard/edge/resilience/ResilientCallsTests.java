package dev.switchboard.edge.resilience;

import static io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.COUNT_BASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.ProviderTimeouts;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePolicy;
import dev.switchboard.contracts.routing.RouteResolution;
import dev.switchboard.contracts.usage.UsageAttempt;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.edge.api.ErrorKind;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.UpstreamProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The failover walk against scripted attempts: each deployment answers from a script (a failure kind, or success),
 * with real Resilience4j breakers and the edge's real exchange bookkeeping.
 */
class ResilientCallsTests {

    private static final RouteCandidate A = candidate("p-a", "model-a");
    private static final RouteCandidate B = candidate("p-b", "model-b");
    private static final RouteCandidate C = candidate("p-c", "model-c");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ResilienceProperties properties = properties(4, breaker(10, 5, Duration.ofSeconds(30)));
    private DeploymentBreakers breakers = new DeploymentBreakers(properties);
    private ResilientCalls calls = calls();

    /** What each deployment answers, in order; once a script runs out the deployment succeeds. */
    private final Map<String, Deque<Object>> scripts = new HashMap<>();
    private final List<String> called = Collections.synchronizedList(new ArrayList<>());

    private ResilientCalls calls() {
        return new ResilientCalls(breakers, new ResilienceMetrics(meters, breakers), properties,
                new UpstreamProperties(100, Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(60),
                        Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }

    private void rebuild(ResilienceProperties changed) {
        properties = changed;
        breakers = new DeploymentBreakers(changed);
        calls = calls();
    }

    private void script(RouteCandidate candidate, Object... answers) {
        scripts.put(candidate.deploymentId(), new ArrayDeque<>(List.of(answers)));
    }

    /** The scripted attempt: fails with the next scripted failure, or answers with the deployment's id. */
    private Mono<String> attempt(AttemptContext context) {
        String deployment = context.candidate().deploymentId();
        called.add(deployment);
        Deque<Object> script = scripts.getOrDefault(deployment, new ArrayDeque<>());
        Object next = script.poll();
        if (next instanceof AttemptFailure failure) {
            return Mono.error(failure);
        }
        if (next instanceof Duration delay) {
            return Mono.delay(delay).map(tick -> deployment);
        }
        if (next instanceof Mono<?> custom) {
            return custom.map(Object::toString);
        }
        context.answered();
        return Mono.just(deployment);
    }

    private String serve(RequestExchange exchange) {
        return serve(exchange, false);
    }

    private String serve(RequestExchange exchange, boolean hedgeable) {
        return calls.call(exchange, hedgeable, context -> attempt(context).doOnNext(answer -> {
            if (!hedgeable) {
                context.succeeded(200);
            }
        })).block(Duration.ofSeconds(10));
    }

    @Test
    void retriesAServerErrorOnTheSameDeploymentAndRecordsEveryAttempt() {
        script(A, failure(FailureKind.SERVER_ERROR, 500));
        RequestExchange exchange = exchange(null, A, B);

        assertThat(serve(exchange)).isEqualTo(A.deploymentId());

        assertThat(called).containsExactly(A.deploymentId(), A.deploymentId());
        assertThat(exchange.servedBy()).isEqualTo("retry");
        assertThat(attempts(exchange)).extracting(UsageAttempt::outcome, UsageAttempt::errorType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("error", "server_error"),
                        org.assertj.core.groups.Tuple.tuple("success", null));
        assertThat(meters.counter("switchboard.edge.retries", "provider", "p-a", "model", "model-a").count())
                .isEqualTo(1);
    }

    @Test
    void failsOverAfterTheRetriesOfOneDeploymentAreSpent() {
        script(A, failure(FailureKind.OVERLOADED, 529), failure(FailureKind.OVERLOADED, 529));
        RequestExchange exchange = exchange(null, A, B);

        assertThat(serve(exchange)).isEqualTo(B.deploymentId());

        assertThat(called).containsExactly(A.deploymentId(), A.deploymentId(), B.deploymentId());
        assertThat(exchange.servedBy()).isEqualTo("fallback");
        assertThat(exchange.candidate()).isEqualTo(B);
    }

    @Test
    void aRequestTheProviderRejectedCostsOneAttemptAndIsNotFailedOver() {
        script(A, failure(FailureKind.REQUEST_REJECTED, 400));
        RequestExchange exchange = exchange(null, A, B);

        assertThatThrownBy(() -> serve(exchange)).isInstanceOf(AttemptFailure.class)
                .satisfies(error -> assertThat(((GatewayException) error).status()).isEqualTo(400));
        assertThat(called).containsExactly(A.deploymentId());
    }

    @Test
    void aLongRetryAfterFailsOverAtOnceAndCoolsTheDeploymentForLaterRequests() {
        script(A, rateLimited(30));
        RequestExchange first = exchange(null, A, B);
        assertThat(serve(first)).isEqualTo(B.deploymentId());
        assertThat(called).containsExactly(A.deploymentId(), B.deploymentId());

        called.clear();
        RequestExchange second = exchange(null, A, B);
        assertThat(serve(second)).isEqualTo(B.deploymentId());
        assertThat(called).as("the limited deployment is not asked again while it cools down")
                .containsExactly(B.deploymentId());
        assertThat(breakers.coolingMillis(A.deploymentId())).isBetween(25_000L, 30_000L);
    }

    @Test
    void aRateLimitedLastCandidateIsWaitedForWithinTheRetryAfterLimit() {
        script(A, rateLimited(1));
        long started = System.nanoTime();
        assertThat(serve(exchange(null, A))).isEqualTo(A.deploymentId());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(called).hasSize(2);
    }

    @Test
    void everyCandidateRateLimitedGivesA429WithTheProvidersRetryAfter() {
        script(A, rateLimited(7));
        script(B, rateLimited(9));
        assertThatThrownBy(() -> serve(exchange(null, A, B))).isInstanceOfSatisfying(GatewayException.class,
                error -> {
                    assertThat(error.status()).isEqualTo(429);
                    assertThat(error.retryAfterSeconds()).isEqualTo(9);
                });
    }

    @Test
    void everyCandidateDownGivesA503WithRetryAfterAndTheAttemptsInTheUsageEvent() {
        script(A, failure(FailureKind.SERVER_ERROR, 500), failure(FailureKind.SERVER_ERROR, 500));
        script(B, failure(FailureKind.CONNECT_FAILED, 0), failure(FailureKind.CONNECT_FAILED, 0));
        RequestExchange exchange = exchange(null, A, B);

        assertThatThrownBy(() -> serve(exchange)).isInstanceOfSatisfying(GatewayException.class, error -> {
            assertThat(error.status()).isEqualTo(503);
            assertThat(error.code()).isEqualTo("providers_unavailable");
            assertThat(error.retryAfterSeconds()).isPositive();
            assertThat(error.getMessage()).contains("4 attempts failed").contains("server_error (500)")
                    .contains("connect_failed");
        });
        assertThat(attempts(exchange)).hasSize(4).allMatch(attempt -> "error".equals(attempt.outcome()));
        assertThat(exchange.servedBy()).isNull();
    }

    @Test
    void theAttemptCapHoldsAcrossRetriesAndFailovers() {
        rebuild(properties(3, breaker(10, 5, Duration.ofSeconds(30))));
        script(A, failure(FailureKind.SERVER_ERROR, 500), failure(FailureKind.SERVER_ERROR, 500));
        script(B, failure(FailureKind.SERVER_ERROR, 500), failure(FailureKind.SERVER_ERROR, 500));
        assertThatThrownBy(() -> serve(exchange(null, A, B, C))).isInstanceOf(GatewayException.class);
        assertThat(called).hasSize(3);
    }

    @Test
    void theRoutesOwnCapOverridesTheEdges() {
        script(A, failure(FailureKind.SERVER_ERROR, 500));
        RequestExchange exchange = exchange(new RoutePolicy(null, null, null, null, null, 1, null), A, B);
        assertThatThrownBy(() -> serve(exchange)).isInstanceOf(GatewayException.class);
        assertThat(called).containsExactly(A.deploymentId());
    }

    @Test
    void aSlowFirstTokenIsNotRetriedButFailsOver() {
        script(A, failure(FailureKind.FIRST_TOKEN_TIMEOUT, 0));
        assertThat(serve(exchange(null, A, B))).isEqualTo(B.deploymentId());
        assertThat(called).containsExactly(A.deploymentId(), B.deploymentId());
    }

    @Test
    void aProvidersOwnTotalTimeoutFailsOverWhileTheRequestHasTimeLeft() {
        script(A, failure(FailureKind.TOTAL_TIMEOUT, 0));
        assertThat(serve(exchange(null, A, B))).isEqualTo(B.deploymentId());
        assertThat(called).containsExactly(A.deploymentId(), B.deploymentId());
    }

    @Test
    void timeoutsEverywhereGiveA504() {
        script(A, failure(FailureKind.FIRST_TOKEN_TIMEOUT, 0));
        assertThatThrownBy(() -> serve(exchange(null, A))).isInstanceOfSatisfying(GatewayException.class,
                error -> assertThat(error.status()).isEqualTo(504));
    }

    @Test
    void anOpenBreakerTakesItsDeploymentOutOfRouting() {
        CircuitBreaker breaker = breakers.breaker(A.deploymentId());
        breaker.transitionToOpenState();
        RequestExchange exchange = exchange(null, A, B);

        assertThat(serve(exchange)).isEqualTo(B.deploymentId());
        assertThat(called).containsExactly(B.deploymentId());
        assertThat(exchange.servedBy()).isEqualTo("fallback");
        assertThat(attempts(exchange)).extracting(UsageAttempt::providerId).containsExactly("p-b");
    }

    @Test
    void everyBreakerOpenGivesA503WithoutCallingAnyone() {
        breakers.breaker(A.deploymentId()).transitionToOpenState();
        breakers.breaker(B.deploymentId()).transitionToOpenState();
        assertThatThrownBy(() -> serve(exchange(null, A, B))).isInstanceOfSatisfying(GatewayException.class,
                error -> {
                    assertThat(error.status()).isEqualTo(503);
                    assertThat(error.retryAfterSeconds()).isBetween(1L, 30L);
                    assertThat(error.getMessage()).contains("circuit breaker");
                });
        assertThat(called).isEmpty();
    }

    @Test
    void sustainedFailureOpensTheBreakerThenAProbeClosesIt() throws InterruptedException {
        rebuild(properties(4, breaker(4, 4, Duration.ofMillis(300))));
        for (int i = 0; i < 2; i++) {
            script(A, failure(FailureKind.SERVER_ERROR, 500), failure(FailureKind.SERVER_ERROR, 500));
            serve(exchange(null, A, B));
        }
        assertThat(breakers.breaker(A.deploymentId()).getState()).isEqualTo(CircuitBreaker.State.OPEN);

        called.clear();
        serve(exchange(null, A, B));
        assertThat(called).containsExactly(B.deploymentId());

        Thread.sleep(350);
        called.clear();
        RequestExchange probe = exchange(null, A, B);
        assertThat(serve(probe)).isEqualTo(A.deploymentId());
        assertThat(probe.servedBy()).isEqualTo("primary");
        assertThat(breakers.breaker(A.deploymentId()).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void sustainedSlowAnswersOpenTheBreakerToo() {
        rebuild(properties(4, new ResilienceProperties.Breaker(50, 50, Duration.ofMillis(30), COUNT_BASED, 4, 4,
                Duration.ofSeconds(30), 1, Duration.ofSeconds(5))));
        for (int i = 0; i < 4; i++) {
            script(A, Duration.ofMillis(60));
            assertThat(serve(exchange(null, A, B))).as("slow, but answered").isEqualTo(A.deploymentId());
        }
        CircuitBreaker breaker = breakers.breaker(A.deploymentId());
        assertThat(breaker.getMetrics().getNumberOfSlowSuccessfulCalls()).isEqualTo(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        called.clear();
        assertThat(serve(exchange(null, A, B))).isEqualTo(B.deploymentId());
        assertThat(called).containsExactly(B.deploymentId());
    }

    @Test
    void aHungHalfOpenProbeDoesNotHoldOtherRequests() throws InterruptedException {
        rebuild(properties(4, breaker(4, 4, Duration.ofMillis(200))));
        breakers.breaker(A.deploymentId()).transitionToOpenState();
        Thread.sleep(250);
        script(A, Mono.never());
        RequestExchange probe = exchange(null, A, B);
        var hanging = calls.call(probe, false, this::attempt).subscribe();
        try {
            called.clear();
            RequestExchange other = exchange(null, A, B);
            assertThat(serve(other)).as("the half-open permit is taken: others go to B")
                    .isEqualTo(B.deploymentId());
            assertThat(called).containsExactly(B.deploymentId());
        } finally {
            hanging.dispose();
        }
        assertThat(attempts(probe)).extracting(UsageAttempt::errorType).containsExactly("client_closed");
    }

    @Test
    void aCancelledAttemptGivesItsHalfOpenPermitBack() throws InterruptedException {
        rebuild(properties(4, breaker(4, 4, Duration.ofMillis(100))));
        CircuitBreaker breaker = breakers.breaker(A.deploymentId());
        breaker.transitionToOpenState();
        Thread.sleep(150);
        script(A, Mono.never());
        calls.call(exchange(null, A), false, this::attempt).subscribe().dispose();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquirePermission()).as("the permit came back").isTrue();
    }

    @Test
    void aSlowFirstAttemptIsHedgedAndTheLoserCancelled() {
        AtomicBoolean loserCancelled = new AtomicBoolean();
        script(A, Mono.delay(Duration.ofSeconds(5)).map(tick -> "late").doOnCancel(() -> loserCancelled.set(true)));
        RequestExchange exchange = exchange(new RoutePolicy(null, null, null, null, null, 3, 100L), A, B);

        long started = System.nanoTime();
        assertThat(serve(exchange, true)).isEqualTo(B.deploymentId());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(exchange.servedBy()).isEqualTo("hedge");
        assertThat(loserCancelled).isTrue();
        assertThat(attempts(exchange)).extracting(UsageAttempt::providerId, UsageAttempt::outcome,
                        UsageAttempt::errorType)
                .contains(org.assertj.core.groups.Tuple.tuple("p-a", "cancelled", "hedge_lost"));
        assertThat(meters.counter("switchboard.edge.hedges", "provider", "p-b", "model", "model-b").count())
                .isEqualTo(1);
    }

    @Test
    void aFastFirstAttemptIsNeverHedged() {
        RequestExchange exchange = exchange(new RoutePolicy(null, null, null, null, null, 3, 500L), A, B);
        assertThat(serve(exchange, true)).isEqualTo(A.deploymentId());
        assertThat(called).containsExactly(A.deploymentId());
        assertThat(exchange.servedBy()).isEqualTo("primary");
    }

    @Test
    void aFirstAttemptFailingBeforeTheHedgeDelayFallsBackToTheOrdinaryWalk() {
        script(A, failure(FailureKind.SERVER_ERROR, 500));
        RequestExchange exchange = exchange(new RoutePolicy(null, null, null, null, null, 3, 2_000L), A, B);
        long started = System.nanoTime();
        assertThat(serve(exchange, true)).isEqualTo(A.deploymentId());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(exchange.servedBy()).isEqualTo("retry");
    }

    @Test
    void streamsAreNeverHedged() {
        script(A, Duration.ofMillis(400));
        RequestExchange exchange = exchange(new RoutePolicy(null, null, null, null, null, 3, 50L), A, B);
        assertThat(serve(exchange, false)).isEqualTo(A.deploymentId());
        assertThat(called).containsExactly(A.deploymentId());
    }

    @Test
    void aProvidersOwnTotalTimeoutSetsTheAttemptsDeadlineWithinTheRequests() {
        RouteCandidate own = new RouteCandidate("local-llm", "openai-compatible", "http://localhost:11434/v1", null,
                "llama", "llama", "1", null, null, new ProviderTimeouts(null, null, null, 1_500L));
        List<Long> deadlines = new ArrayList<>();
        long before = System.nanoTime();
        calls.call(exchange(null, own, A), false, context -> {
            deadlines.add(context.deadlineNanos() - before);
            return context.candidate() == own ? Mono.error(failure(FailureKind.SERVER_ERROR, 500))
                    : Mono.just("answered");
        }).block(Duration.ofSeconds(5));

        assertThat(deadlines).hasSize(3);
        assertThat(deadlines.get(0)).as("the provider's own 1.5 s")
                .isBetween(Duration.ofMillis(1_500).toNanos(), Duration.ofMillis(2_500).toNanos());
        assertThat(deadlines.get(2)).as("the edge's total timeout (30 s here) bounds the whole request")
                .isBetween(Duration.ofSeconds(29).toNanos(), Duration.ofSeconds(31).toNanos());
    }

    private List<UsageAttempt> attempts(RequestExchange exchange) {
        UsageEvent event = exchange.toUsageEvent(200, null);
        return event.attempts();
    }

    private static AttemptFailure failure(FailureKind kind, int status) {
        ErrorKind shown = kind.timeout() ? ErrorKind.TIMEOUT
                : status > 0 ? ErrorKind.ofStatus(status) : ErrorKind.SERVER_ERROR;
        return new AttemptFailure(kind, status, shown.exception("scripted " + kind.wireName(), 0));
    }

    private static AttemptFailure rateLimited(long retryAfterSeconds) {
        return new AttemptFailure(FailureKind.RATE_LIMITED, 429,
                ErrorKind.RATE_LIMIT.exception("slow down", retryAfterSeconds));
    }

    private static RequestExchange exchange(RoutePolicy policy, RouteCandidate... candidates) {
        RequestExchange exchange = new RequestExchange("req-" + System.nanoTime());
        exchange.authenticated(new AuthenticatedKey("key-1", "team-1", "test key", List.of()));
        exchange.describe("model-a", null, null, false);
        exchange.plan(new RoutePlan("model:model-a", "model-a", List.of(candidates), 1, "direct", null, policy,
                null));
        exchange.route(new RouteResolution.Resolved(List.of(candidates), (RouteExplanation) null));
        return exchange;
    }

    private static RouteCandidate candidate(String provider, String model) {
        return new RouteCandidate(provider, "openai", "http://localhost:1/v1", "KEY", model, model, "1",
                new ModelPrice("p1", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
    }

    private static ResilienceProperties.Breaker breaker(int window, int minimumCalls, Duration waitInOpen) {
        return new ResilienceProperties.Breaker(50, 100, Duration.ofSeconds(30), COUNT_BASED, window, minimumCalls,
                waitInOpen, 1, Duration.ofSeconds(5));
    }

    private static ResilienceProperties properties(int maxAttempts, ResilienceProperties.Breaker breaker) {
        return new ResilienceProperties(maxAttempts, 1, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofSeconds(2), Duration.ofSeconds(1), breaker);
    }
}
