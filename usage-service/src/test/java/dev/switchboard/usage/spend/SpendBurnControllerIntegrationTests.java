package dev.switchboard.usage.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Burn rates and forecasts with the clock fixed at {@link #NOW} (a Thursday, 10:00 UTC), in several time zones. */
class SpendBurnControllerIntegrationTests extends SpendIntegrationTest {

    @Test
    void burnsAWeekFromMondayInKolkata() {
        BurnReport burn = read("/api/v1/spend/burn?scope=team:team-a&period=week&timeZone=Asia/Kolkata",
                BurnReport.class);

        // Monday 31 March 00:00 at +05:30; 87.5 of the week's 168 hours have passed
        assertPeriod(burn, "2025-03-30T18:30:00Z", "2025-04-06T18:30:00Z");
        assertBurn(burn, e -> "team-a".equals(e.teamId()), "87.5", "168");
        assertThat(burn.scope()).isEqualTo("team:team-a");
        assertThat(burn.timeZone()).isEqualTo("Asia/Kolkata");
    }

    @Test
    void burnsAMonthInNewYorkForEveryTeam() {
        BurnReport burn = read("/api/v1/spend/burn?scope=global&period=month&timeZone=America/New_York",
                BurnReport.class);

        // 1 April 00:00 EDT (-04:00); 54 of April's 720 hours have passed
        assertPeriod(burn, "2025-04-01T04:00:00Z", "2025-05-01T04:00:00Z");
        assertBurn(burn, e -> true, "54", "720");
        assertThat(burn.currencies()).extracting(BurnReport.Burn::currency).containsExactly("EUR", "USD");
    }

    @Test
    void burnsAUtcDayForOneKey() {
        BurnReport burn = read("/api/v1/spend/burn?scope=key:key-b-1&period=day", BurnReport.class);

        assertPeriod(burn, "2025-04-03T00:00:00Z", "2025-04-04T00:00:00Z");
        assertBurn(burn, e -> "key-b-1".equals(e.keyId()), "10", "24");
        assertThat(burn.timeZone()).isEqualTo("UTC");
    }

    @Test
    void answersNothingSpentForAScopeWithoutRequests() {
        BurnReport burn = read("/api/v1/spend/burn?scope=team:nobody&period=month", BurnReport.class);

        assertThat(burn.requests()).isZero();
        assertThat(burn.currencies()).isEmpty();
    }

    @Test
    void rejectsBadParametersWithA400() {
        assertBadRequest("/api/v1/spend/burn?period=day", "'scope' must be");
        assertBadRequest("/api/v1/spend/burn?scope=user:alice&period=day", "'scope' must be");
        assertBadRequest("/api/v1/spend/burn?scope=team:&period=day", "'scope' must be");
        assertBadRequest("/api/v1/spend/burn?scope=global", "'period' is required");
        assertBadRequest("/api/v1/spend/burn?scope=global&period=year", "'period' must be day, week or month");
        for (String zone : List.of("Mars/Olympus", "%2B05:00", "utc")) {
            assertBadRequest("/api/v1/spend/burn?scope=global&period=day&timeZone=" + zone, "'timeZone' must be");
        }
    }

    private static void assertPeriod(BurnReport burn, String start, String end) {
        assertThat(burn.periodStart()).isEqualTo(Instant.parse(start));
        assertThat(burn.periodEnd()).isEqualTo(Instant.parse(end));
        assertThat(burn.now()).isEqualTo(NOW);
    }

    /** Spend so far is exact; the pace is spent over elapsed hours; the forecast is that pace over the whole period. */
    private static void assertBurn(BurnReport burn, Predicate<UsageEvent> scope, String elapsedHours,
                                   String periodHours) {
        List<UsageEvent> soFar = SpendDataSet.select(scope.and(SpendDataSet.in(burn.periodStart(), NOW)));
        Map<String, List<BigDecimal>> spent = SpendDataSet.Sums.of(soFar).money();
        assertThat(soFar).isNotEmpty();
        assertThat(burn.requests()).isEqualTo(soFar.size());
        assertThat(burn.currencies()).extracting(BurnReport.Burn::currency)
                .containsExactlyElementsOf(spent.keySet());
        BigDecimal elapsed = new BigDecimal(elapsedHours);
        for (BurnReport.Burn money : burn.currencies()) {
            BigDecimal exact = spent.get(money.currency()).get(0);
            assertThat(money.spent()).isEqualByComparingTo(exact);
            assertThat(money.perHour()).isEqualByComparingTo(exact.divide(elapsed, 10, RoundingMode.HALF_EVEN));
            assertThat(money.perDay()).isEqualByComparingTo(
                    exact.multiply(BigDecimal.valueOf(24)).divide(elapsed, 10, RoundingMode.HALF_EVEN));
            assertThat(money.forecast()).isCloseTo(exact.multiply(new BigDecimal(periodHours))
                    .divide(elapsed, 12, RoundingMode.HALF_EVEN), within(new BigDecimal("1e-9")));
            // a currency only cache hits were billed in has spent nothing, and forecasts nothing
            assertThat(money.forecast().compareTo(money.spent())).isEqualTo(exact.signum());
        }
    }
}
