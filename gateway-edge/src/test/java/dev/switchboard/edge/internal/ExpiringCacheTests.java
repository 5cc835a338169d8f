package dev.switchboard.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ExpiringCacheTests {

    private final AtomicInteger loads = new AtomicInteger();

    private Mono<String> load(String key) {
        return Mono.fromCallable(() -> key + "#" + loads.incrementAndGet());
    }

    @Test
    void servesRepeatedLookupsFromOneLoad() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 100);

        StepVerifier.create(cache.get("a", this::load)).expectNext("a#1").verifyComplete();
        StepVerifier.create(cache.get("a", this::load)).expectNext("a#1").verifyComplete();
        assertThat(loads).hasValue(1);
    }

    @Test
    void loadsAgainAfterTheTimeToLive() throws InterruptedException {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMillis(20), 100);
        cache.get("a", this::load).block();
        Thread.sleep(40);

        StepVerifier.create(cache.get("a", this::load)).expectNext("a#2").verifyComplete();
    }

    @Test
    void doesNotKeepFailures() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 100);

        StepVerifier.create(cache.get("a", key -> Mono.error(new IllegalStateException("down"))))
                .verifyError(IllegalStateException.class);
        StepVerifier.create(cache.get("a", this::load)).expectNext("a#1").verifyComplete();
    }

    @Test
    void forgetsAnInvalidatedKey() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 100);
        cache.get("a", this::load).block();
        cache.invalidate("a");

        StepVerifier.create(cache.get("a", this::load)).expectNext("a#2").verifyComplete();
    }

    @Test
    void staysWithinItsBound() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 2);
        cache.get("a", this::load).block();
        cache.get("b", this::load).block();
        cache.get("c", this::load).block();

        StepVerifier.create(cache.get("a", this::load)).expectNext("a#4").verifyComplete();
    }
}
