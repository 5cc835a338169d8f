package dev.switchboard.quota.counter;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed window aligned to the epoch: every instance that agrees on the time agrees on the window and so
 * on the Redis counter. Fixed windows can admit up to twice the limit across a boundary; that burst is
 * accepted in exchange for a single counter and a single round trip.
 */
public record FixedWindow(long startEpochSecond, Duration length) {

    public static FixedWindow containing(Instant now, Duration length) {
        long seconds = length.toSeconds();
        return new FixedWindow(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), seconds), length);
    }

    /** Whole seconds until the window ends, rounded up and never below 1, as Retry-After wants. */
    public long secondsUntilEnd(Instant now) {
        long millisLeft = (startEpochSecond + length.toSeconds()) * 1000 - now.toEpochMilli();
        return Math.max(1, (millisLeft + 999) / 1000);
    }
}
