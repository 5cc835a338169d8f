package dev.switchboard.edge.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter (a random wait in the upper half of a ceiling that doubles per retry), so retries from
 * many requests spread out instead of arriving at a struggling provider together. A provider's own
 * {@code Retry-After} is a floor.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    /** The wait before retry number {@code retry} (1 for the first), at least {@code retryAfterMillis}. */
    long delayMillis(int retry, long retryAfterMillis) {
        long ceiling = ceilingMillis(retry);
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        return Math.max(jittered, retryAfterMillis);
    }

    long ceilingMillis(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        return Math.min(maxMillis, initialMillis << doublings);
    }
}
