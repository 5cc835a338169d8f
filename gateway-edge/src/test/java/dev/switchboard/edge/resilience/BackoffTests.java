package dev.switchboard.edge.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void ceilingDoublesPerRetryUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(400);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(1000);
        assertThat(backoff.ceilingMillis(60)).isEqualTo(1000);
    }

    @Test
    void delaysAreJitteredWithinTheUpperHalfOfTheCeiling() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            long delay = backoff.delayMillis(3, 0);
            assertThat(delay).isBetween(200L, 400L);
            seen.add(delay);
        }
        assertThat(seen).as("spread, not one fixed value").hasSizeGreaterThan(20);
    }

    @Test
    void aProvidersRetryAfterIsAFloor() {
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.delayMillis(1, 1500)).isEqualTo(1500);
        }
    }
}
