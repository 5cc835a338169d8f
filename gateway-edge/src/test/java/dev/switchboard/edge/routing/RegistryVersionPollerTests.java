package dev.switchboard.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RegistryState;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RegistryVersionPollerTests {

    private static final RoutePlanRequest KEY = new RoutePlanRequest("team-a", "gpt-4o-mini");
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final AtomicInteger planLoads = new AtomicInteger();
    private final RoutePlanCache cache = new RoutePlanCache(
            key -> Mono.fromCallable(() -> new RoutePlan("r", key.model(), List.of(), planLoads.incrementAndGet(), "")),
            new RoutingProperties(Duration.ofMinutes(5), 100, Duration.ofMinutes(10), INTERVAL, Duration.ofSeconds(10)), new MutableClock());
    private final TagKeys tagKeys = new TagKeys();
    private final Deque<Mono<RegistryState>> answers = new ArrayDeque<>();

    private RegistryVersionPoller poller(VirtualTimeScheduler scheduler) {
        return new RegistryVersionPoller(() -> answers.isEmpty() ? state(-1) : answers.poll(), cache, tagKeys, INTERVAL,
                scheduler);
    }

    private static Mono<RegistryState> state(long version, String... tagKeys) {
        return Mono.just(new RegistryState(version, List.of(tagKeys)));
    }

    private long cachedPlanVersion() {
        return cache.get(KEY).block().registryVersion();
    }

    @Test
    void dropsCachedPlansWhenTheRegistryVersionChanges() {
        answers.add(state(7));
        answers.add(state(7));
        answers.add(state(8));
        cachedPlanVersion();

        StepVerifier.withVirtualTime(() -> poller(VirtualTimeScheduler.get()).polls().take(3))
                .thenAwait(INTERVAL.multipliedBy(2))
                .expectNextMatches(state -> state.version() == 7)
                .expectNextMatches(state -> state.version() == 7)
                .then(() -> assertThat(cachedPlanVersion()).as("same version: plan kept").isEqualTo(1))
                .thenAwait(INTERVAL)
                .expectNextMatches(state -> state.version() == 8)
                .verifyComplete();
        assertThat(cachedPlanVersion()).as("new version: plan loaded again").isEqualTo(2);
    }

    @Test
    void keepsPollingThroughFailures() {
        answers.add(state(7));
        answers.add(Mono.error(new RoutingUnavailableException("routing-service answered 503", null)));
        answers.add(state(8));

        StepVerifier.withVirtualTime(() -> poller(VirtualTimeScheduler.get()).polls().take(2))
                .thenAwait(INTERVAL.multipliedBy(2))
                .expectNextMatches(state -> state.version() == 7)
                .then(() -> assertThat(cache.reachability().reachable()).isFalse())
                .thenAwait(INTERVAL)
                .expectNextMatches(state -> state.version() == 8)
                .verifyComplete();
        assertThat(cache.reachability().reachable()).isTrue();
    }

    @Test
    void skipsATickWhileAPollIsStillRunning() {
        AtomicInteger polls = new AtomicInteger();
        VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
        RegistryVersionPoller poller = new RegistryVersionPoller(() -> Mono.defer(() -> {
            polls.incrementAndGet();
            return state(1).delayElement(INTERVAL.multipliedBy(3), scheduler);
        }), cache, tagKeys, INTERVAL, scheduler);

        StepVerifier.create(poller.polls().take(1))
                .then(() -> scheduler.advanceTimeBy(INTERVAL.multipliedBy(4)))
                .expectNextMatches(state -> state.version() == 1)
                .verifyComplete();
        assertThat(polls).hasValue(1);
    }

    @Test
    void keepsOnlyTheTagKeysRoutingMatchesOnOnceItHasSaidWhichTheyAre() {
        Map<String, String> metadata = Map.of("team-tier", "gold", "trace", "t-1");
        assertThat(tagKeys.filter(metadata)).as("before the first poll: every tag").isEqualTo(metadata);
        answers.add(state(3, "team-tier"));

        StepVerifier.withVirtualTime(() -> poller(VirtualTimeScheduler.get()).polls().take(1))
                .thenAwait(INTERVAL)
                .expectNextCount(1)
                .verifyComplete();

        assertThat(tagKeys.filter(metadata)).isEqualTo(Map.of("team-tier", "gold"));
        assertThat(tagKeys.filter(Map.of("trace", "t-2"))).isEmpty();
    }
}
