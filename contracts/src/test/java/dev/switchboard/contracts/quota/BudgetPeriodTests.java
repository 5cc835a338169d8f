package dev.switchboard.contracts.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetPeriodTests {

    @Test
    void alignsDaysWeeksAndMonthsToTheCalendarOfTheBudgetsTimeZone() {
        Instant now = Instant.parse("2026-11-22T03:30:00Z"); // a Sunday; still Saturday evening in New York

        assertThat(BudgetPeriod.containing("day", "UTC", now))
                .isEqualTo(period("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z"));
        assertThat(BudgetPeriod.containing("day", "America/New_York", now))
                .isEqualTo(period("2026-11-21T05:00:00Z", "2026-11-22T05:00:00Z"));
        assertThat(BudgetPeriod.containing("week", "UTC", now))
                .isEqualTo(period("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z"));
        assertThat(BudgetPeriod.containing("month", "Asia/Tokyo", now))
                .isEqualTo(period("2026-10-31T15:00:00Z", "2026-11-30T15:00:00Z"));
    }

    @Test
    void aDaylightSavingDayIsShorter() {
        BudgetPeriod springForward =
                BudgetPeriod.containing("day", "Europe/Berlin", Instant.parse("2026-03-29T12:00:00Z"));

        assertThat(Duration.between(springForward.start(), springForward.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void countsWholeSecondsToTheEndAndKeepsTheCounterADayLonger() {
        BudgetPeriod day = BudgetPeriod.containing("day", "UTC", Instant.parse("2026-11-22T23:59:59.200Z"));

        assertThat(day.secondsUntilEnd(Instant.parse("2026-11-22T23:59:59.200Z"))).isEqualTo(1);
        assertThat(day.secondsUntilEnd(Instant.parse("2026-11-22T23:00:00Z"))).isEqualTo(3600);
        assertThat(day.counterExpiry()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void refusesAnUnknownPeriod() {
        assertThatThrownBy(() -> BudgetPeriod.containing("year", "UTC", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BudgetPeriod period(String start, String end) {
        return new BudgetPeriod(Instant.parse(start), Instant.parse(end));
    }
}
