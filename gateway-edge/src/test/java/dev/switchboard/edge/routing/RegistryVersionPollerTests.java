package dev.switchboard.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
            new RoutingProperties(Duration.ofMinutes(5), 100, Duration.ofMinutes(10), INTERVAL), new MutableClock());
    private final Deque<Mono<Long>> answers = new ArrayDeque<>();

    private RegistryVersionPoller poller(VirtualTimeScheduler scheduler) {
        return new RegistryVersionPoller(() -> answers.isEmpty() ? Mono.just(-1L) : answers.poll(), cache, INTERVAL,
                scheduler);
    }

    private long cachedPlanVersion() {
        return cache.get(KEY).block().registryVersion();
    }

    @Test
    void dropsCachedPlansWhenTheRegistryVersionChanges() {
        answers.add(Mono.just(7L));
        answers.add(Mono.just(7L));
        answers.add(Mono.just(8L));
        cachedPlanVersion();

        StepVerifier.withVirtualTime(() -> poller(VirtualTimeScheduler.get()).polls().take(3))
                .thenAwait(INTERVAL.multipliedBy(2))
                .expectNext(7L, 7L)
                .then(() -> assertThat(cachedPlanVersion()).as("same version: plan kept").isEqualTo(1))
                .thenAwait(INTERVAL)
                .expectNext(8L)
                .verifyComplete();
        assertThat(cachedPlanVersion()).as("new version: plan loaded again").isEqualTo(2);
    }

    @Test
    void keepsPollingThroughFailures() {
        answers.add(Mono.just(7L));
        answers.add(Mono.error(new RoutingUnavailableException("routing-service answered 503", null)));
        answers.add(Mono.just(8L));

        StepVerifier.withVirtualTime(() -> poller(VirtualTimeScheduler.get()).polls().take(2))
                .thenAwait(INTERVAL.multipliedBy(3))
                .expectNext(7L, 8L)
                .verifyComplete();
    }

    @Test
    void skipsATickWhileAPollIsStillRunning() {
        AtomicInteger polls = new AtomicInteger();
        VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
        RegistryVersionPoller poller = new RegistryVersionPoller(() -> Mono.defer(() -> {
            polls.incrementAndGet();
            return Mono.just(1L).delayElement(INTERVAL.multipliedBy(3), scheduler);
        }), cache, INTERVAL, scheduler);

        StepVerifier.create(poller.polls().take(1))
                .then(() -> scheduler.advanceTimeBy(INTERVAL.multipliedBy(4)))
                .expectNext(1L)
                .verifyComplete();
        assertThat(polls).hasValue(1);
    }
}
