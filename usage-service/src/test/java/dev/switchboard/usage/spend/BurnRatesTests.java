package dev.switchboard.usage.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.quota.BudgetPeriod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BurnRatesTests {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void projectsThePaceSoFarToThePeriodsEnd() {
        BurnReport.Burn burn = BurnRates.burn("USD", new BigDecimal("12"), 6 * HOUR, 18 * HOUR);

        assertThat(burn.perHour()).isEqualByComparingTo("2");
        assertThat(burn.perDay()).isEqualByComparingTo("48");
        assertThat(burn.forecast()).isEqualByComparingTo("48");
    }

    @Test
    void keepsTinyAmountsAsPlainDecimals() {
        BurnReport.Burn burn = BurnRates.burn("USD", new BigDecimal("0.0000003"), 3 * HOUR, 21 * HOUR);

        assertThat(burn.perHour().toPlainString()).isEqualTo("0.0000001");
        assertThat(burn.forecast()).isEqualByComparingTo("0.0000024");
    }

    @Test
    void forecastsWhatWasSpentWhenNoTimeHasPassed() {
        BurnReport.Burn burn = BurnRates.burn("EUR", new BigDecimal("5"), 0, 24 * HOUR);

        assertThat(burn.perHour()).isEqualByComparingTo("0");
        assertThat(burn.forecast()).isEqualByComparingTo("5");
    }

    @Test
    void alignsPeriodsAsBudgetsDoAcrossDaylightSaving() {
        // Berlin moved to summer time on Sunday 30 March 2025: that day had 23 hours
        BudgetPeriod day = BudgetPeriod.containing("day", ZoneId.of("Europe/Berlin"),
                Instant.parse("2025-03-30T12:00:00Z"));
        BudgetPeriod week = BudgetPeriod.containing("week", ZoneId.of("Europe/Berlin"),
                Instant.parse("2025-03-30T12:00:00Z"));

        assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(23));
        assertThat(week.start()).isEqualTo(Instant.parse("2025-03-23T23:00:00Z"));
        assertThat(week.end()).isEqualTo(Instant.parse("2025-03-30T22:00:00Z"));
    }
}
