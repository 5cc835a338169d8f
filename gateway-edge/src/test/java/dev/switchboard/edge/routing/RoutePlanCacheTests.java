package dev.switchboard.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.edge.api.GatewayException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class RoutePlanCacheTests {

    private static final RoutePlanRequest KEY = new RoutePlanRequest("team-a", "gpt-4o-mini");
    private static final RoutingProperties PROPERTIES =
            new RoutingProperties(Duration.ofSeconds(5), 100, Duration.ofMinutes(10), Duration.ofSeconds(1),
                    Duration.ofSeconds(10));

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger calls = new AtomicInteger();
    private Mono<RoutePlan> answer = Mono.empty();
    private final RoutePlanCache cache = new RoutePlanCache(key -> Mono.defer(() -> {
        calls.incrementAndGet();
        return answer;
    }), PROPERTIES, clock);

    private static RoutePlan plan(long version) {
        return new RoutePlan("route-" + version, "gpt-4o-mini", List.of(), version, "direct"); // the cache never looks at candidates
    }

    private void routingAnswers(RoutePlan plan) {
        answer = Mono.just(plan);
    }

    private void routingIsDown() {
        answer = Mono.error(new RoutingUnavailableException("routing-service is unreachable", null));
    }

    private void cachePlan(RoutePlan plan) {
        routingAnswers(plan);
        StepVerifier.create(cache.get(KEY)).expectNext(plan).verifyComplete();
    }

    @Test
    void reusesAFreshPlanWithoutAskingAgain() {
        cachePlan(plan(1));
        routingAnswers(plan(2));
        clock.advance(Duration.ofSeconds(4));

        StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
        assertThat(calls).hasValue(1);
    }

    @Test
    void asksAgainOnceThePlanTtlPassed() {
        cachePlan(plan(1));
        routingAnswers(plan(2));
        clock.advance(Duration.ofSeconds(5));

        StepVerifier.create(cache.get(KEY)).expectNext(plan(2)).verifyComplete();
        assertThat(cache.degradation()).isEmpty();
    }

    @Test
    void servesTheLastKnownPlanWhileRoutingIsUnreachable() {
        cachePlan(plan(1));
        routingIsDown();
        clock.advance(Duration.ofMinutes(1));

        StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
        assertThat(cache.degradation()).hasValueSatisfying(degraded -> {
            assertThat(degraded.since()).isEqualTo(clock.instant());
            assertThat(degraded.lastError()).isEqualTo("routing-service is unreachable");
            assertThat(degraded.stalePlans()).isEqualTo(1);
        });
    }

    @Test
    void failsOnceTheStalePlanIsOlderThanTheMaxAge() {
        cachePlan(plan(1));
        routingIsDown();
        clock.advance(Duration.ofMinutes(10).plusMillis(1));

        StepVerifier.create(cache.get(KEY)).verifyError(RoutingUnavailableException.class);
        assertThat(cache.degradation()).isEmpty();
    }

    @Test
    void stopsStandingInAtTheMaxAgeEvenAfterServingStale() {
        cachePlan(plan(1));
        routingIsDown();
        clock.advance(Duration.ofMinutes(9));
        StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
        clock.advance(Duration.ofMinutes(1).plusMillis(1));

        StepVerifier.create(cache.get(KEY)).verifyError(RoutingUnavailableException.class);
        assertThat(cache.degradation()).isEmpty();
    }

    @Test
    void failsWithoutAnyPlanToFallBackOn() {
        routingIsDown();

        StepVerifier.create(cache.get(KEY)).verifyError(RoutingUnavailableException.class);
        assertThat(cache.degradation()).isEmpty();
    }

    @Test
    void doesNotHideAnUnknownModelAndDropsItsOldPlan() {
        cachePlan(plan(1));
        answer = Mono.error(new GatewayException(404, "invalid_request_error", "model_not_found", "model",
                "gone", 0));
        clock.advance(Duration.ofSeconds(6));

        StepVerifier.create(cache.get(KEY)).verifyError(GatewayException.class);
        routingIsDown();
        StepVerifier.create(cache.get(KEY)).verifyError(RoutingUnavailableException.class);
    }

    @Test
    void answersFromTheStalePlanWithoutWaitingAndRetriesAtMostOncePerInterval() {
        cachePlan(plan(1));
        routingIsDown();
        clock.advance(Duration.ofSeconds(6));
        StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
        int afterFirstFailure = calls.get();

        for (int i = 0; i < 50; i++) {
            StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
        }
        assertThat(calls).hasValue(afterFirstFailure);

        clock.advance(RoutePlanCache.RETRY_INTERVAL);
        StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
        assertThat(calls).hasValue(afterFirstFailure + 1);
    }

    @Test
    void servesTheStalePlanWithoutAnyCallOnceThePollFoundRoutingDown() {
        cachePlan(plan(1));
        Sinks.One<RoutePlan> hanging = Sinks.one();
        answer = hanging.asMono(); // a call now would wait, as a connection attempt to a dead host does
        cache.routingUnreachable("routing-service is unreachable (ConnectTimeoutException)");
        clock.advance(Duration.ofSeconds(6));

        StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
        assertThat(calls).hasValue(1);
        assertThat(cache.degradation()).hasValueSatisfying(degraded ->
                assertThat(degraded.lastError()).startsWith("routing-service is unreachable"));
    }

    @Test
    void sharesOneLoadAmongConcurrentCallers() {
        Sinks.One<RoutePlan> pending = Sinks.one();
        answer = pending.asMono();

        StepVerifier first = StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).expectComplete().verifyLater();
        StepVerifier second = StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).expectComplete().verifyLater();
        pending.tryEmitValue(plan(1));

        first.verify(Duration.ofSeconds(1));
        second.verify(Duration.ofSeconds(1));
        assertThat(calls).hasValue(1);
    }

    @Test
    void recoversWhenRoutingAnswersAgain() {
        cachePlan(plan(1));
        routingIsDown();
        clock.advance(Duration.ofSeconds(6));
        cache.get(KEY).block();
        assertThat(cache.degradation()).isPresent();

        routingAnswers(plan(2));
        clock.advance(RoutePlanCache.RETRY_INTERVAL);
        cache.routingAnswered();

        assertThat(cache.degradation()).isEmpty();
        StepVerifier.create(cache.get(KEY)).expectNext(plan(2)).verifyComplete();
    }

    @Test
    void asksAgainAfterTheRegistryChangedEvenWithinTheTtl() {
        cachePlan(plan(1));
        routingAnswers(plan(2));

        cache.invalidateAll();

        StepVerifier.create(cache.get(KEY)).expectNext(plan(2)).verifyComplete();
        StepVerifier.create(cache.get(KEY)).expectNext(plan(2)).verifyComplete();
        assertThat(calls).hasValue(2);
    }

    @Test
    void keepsAnInvalidatedPlanAsTheFallback() {
        cachePlan(plan(1));
        cache.invalidateAll();
        routingIsDown();

        StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).verifyComplete();
    }

    @Test
    void doesNotTreatAPlanLoadedAcrossARegistryChangeAsFresh() {
        Sinks.One<RoutePlan> pending = Sinks.one();
        answer = pending.asMono();
        StepVerifier loading = StepVerifier.create(cache.get(KEY)).expectNext(plan(1)).expectComplete().verifyLater();
        cache.invalidateAll();
        pending.tryEmitValue(plan(1));
        loading.verify(Duration.ofSeconds(1));
        routingAnswers(plan(2));

        StepVerifier.create(cache.get(KEY)).expectNext(plan(2)).verifyComplete();
    }
}
