package dev.switchboard.quota.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedWindowTests {

    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void alignsWindowsToWholeMinutes() {
        Instant now = Instant.parse("2030-01-01T10:15:42.900Z");

        FixedWindow window = FixedWindow.containing(now, MINUTE);

        assertThat(Instant.ofEpochSecond(window.startEpochSecond())).isEqualTo(Instant.parse("2030-01-01T10:15:00Z"));
    }

    @Test
    void putsTheFirstInstantOfAMinuteInThatMinute() {
        Instant now = Instant.parse("2030-01-01T10:16:00Z");

        assertThat(Instant.ofEpochSecond(FixedWindow.containing(now, MINUTE).startEpochSecond())).isEqualTo(now);
        assertThat(FixedWindow.containing(now, MINUTE).secondsUntilEnd(now)).isEqualTo(60);
    }

    @Test
    void roundsSecondsUntilTheEndUp() {
        Instant now = Instant.parse("2030-01-01T10:15:42.100Z");

        assertThat(FixedWindow.containing(now, MINUTE).secondsUntilEnd(now)).isEqualTo(18);
    }

    @Test
    void neverAsksToWaitLessThanOneSecond() {
        Instant now = Instant.parse("2030-01-01T10:15:59.999Z");

        assertThat(FixedWindow.containing(now, MINUTE).secondsUntilEnd(now)).isEqualTo(1);
    }
}
