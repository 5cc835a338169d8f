package dev.switchboard.usage.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A scope's money budgets, read from quota-service with the caller's own token, against the burn of their own
 * periods: the same spend and pace as {@code /api/v1/spend/burn}, and when the pace reaches the hard limit.
 */
class SpendBudgetsControllerIntegrationTests extends SpendIntegrationTest {

    private final QuotaBudgetsStandIn quota = QuotaBudgetsStandIn.instance();

    @BeforeEach
    void answerBudgets() {
        quota.status = 200;
        quota.body = "[]";
    }

    @Test
    void projectsEachMoneyBudgetOfTheScopeToItsPeriodsEnd() {
        BurnReport month = read("/api/v1/spend/burn?scope=team:team-a&period=month", BurnReport.class);
        BurnReport week = read("/api/v1/spend/burn?scope=team:team-a&period=week&timeZone=Asia/Kolkata",
                BurnReport.class);
        BigDecimal monthSpent = spent(month, "USD");
        BigDecimal weekSpent = spent(week, "EUR");
        // a month limit the pace outruns, a week limit it never reaches, a token budget, another scope's budget
        BigDecimal tight = monthSpent.multiply(new BigDecimal("1.5"));
        BigDecimal roomy = weekSpent.multiply(BigDecimal.TEN);
        quota.body = """
                [{"scope":"team:team-a","kind":"money","period":"month","timeZone":"UTC","hardLimit":%s,
                  "softThreshold":null,"currency":"USD"},
                 {"scope":"team:team-a","kind":"money","period":"week","timeZone":"Asia/Kolkata","hardLimit":%s,
                  "softThreshold":%s,"currency":"EUR"},
                 {"scope":"team:team-a","kind":"tokens","period":"day","timeZone":"UTC","hardLimit":1000000,
                  "softThreshold":null,"currency":null},
                 {"scope":"team:team-b","kind":"money","period":"day","timeZone":"UTC","hardLimit":1,
                  "softThreshold":null,"currency":"USD"}]""".formatted(tight.toPlainString(), roomy.toPlainString(),
                weekSpent.toPlainString());

        ResponseEntity<String> response = get("/api/v1/spend/budgets?scope=team:team-a", FINANCE);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(quota.lastAuthorization).isEqualTo("Bearer " + FINANCE);
        assertThat(quota.lastQuery).isEqualTo("scope=team:team-a");
        JsonNode burns = JSON.readTree(response.getBody());
        assertThat(burns.size()).isEqualTo(2);

        JsonNode monthly = burns.get(0);
        assertThat(monthly.path("currency").asString()).isEqualTo("USD");
        assertThat(new BigDecimal(monthly.path("spent").asString())).isEqualByComparingTo(monthSpent);
        assertThat(new BigDecimal(monthly.path("usedPercent").asString()))
                .isEqualByComparingTo(new BigDecimal("66.67"));
        assertThat(monthly.path("exhausted").asBoolean()).isFalse();
        // 1 April to now is 58 hours; the other half of the spent amount again takes 29 more
        assertThat(monthly.path("forecastOverLimit").asBoolean()).isTrue();
        assertThat(Instant.parse(monthly.path("projectedExhaustion").asString()))
                .isEqualTo(NOW.plus(Duration.ofHours(29)));

        JsonNode weekly = burns.get(1);
        assertThat(weekly.path("timeZone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(weekly.path("periodStart").asString()).isEqualTo("2025-03-30T18:30:00Z");
        assertThat(new BigDecimal(weekly.path("spent").asString())).isEqualByComparingTo(weekSpent);
        assertThat(new BigDecimal(weekly.path("softThreshold").asString())).isEqualByComparingTo(weekSpent);
        assertThat(weekly.path("forecastOverLimit").asBoolean()).isFalse();
        assertThat(weekly.path("projectedExhaustion").isNull()).as("beyond the week's end").isTrue();
        assertThat(new BigDecimal(weekly.path("usedPercent").asString()))
                .isEqualByComparingTo(new BigDecimal("10.00"));
    }

    @Test
    void aBudgetAlreadyReachedIsExhaustedWithoutAProjection() {
        BigDecimal spent = spent(read("/api/v1/spend/burn?scope=team:team-b&period=month", BurnReport.class),
                "USD");
        quota.body = """
                [{"scope":"team:team-b","kind":"money","period":"month","timeZone":"UTC","hardLimit":%s,
                  "softThreshold":null,"currency":"USD"}]""".formatted(spent.divide(BigDecimal.valueOf(2), 12,
                RoundingMode.DOWN).toPlainString());

        JsonNode burn = JSON.readTree(get("/api/v1/spend/budgets?scope=team:team-b", ADMIN).getBody()).get(0);

        assertThat(burn.path("exhausted").asBoolean()).isTrue();
        assertThat(burn.path("projectedExhaustion").isNull()).isTrue();
        assertThat(new BigDecimal(burn.path("usedPercent").asString())).isGreaterThanOrEqualTo(new BigDecimal("200"));
    }

    @Test
    void aBudgetInACurrencyNotSpentShowsNothingSpent() {
        quota.body = """
                [{"scope":"global","kind":"money","period":"month","timeZone":"UTC","hardLimit":100,
                  "softThreshold":null,"currency":"JPY"}]""";

        JsonNode burn = JSON.readTree(get("/api/v1/spend/budgets?scope=global", VIEWER).getBody()).get(0);

        assertThat(new BigDecimal(burn.path("spent").asString())).isZero();
        assertThat(burn.path("exhausted").asBoolean()).isFalse();
        assertThat(burn.path("projectedExhaustion").isNull()).isTrue();
    }

    @Test
    void quotaServicesRefusalAndOutageAreNotHidden() {
        quota.status = 403;
        quota.body = "{\"type\":\"forbidden\",\"message\":\"no\"}";
        assertThat(get("/api/v1/spend/budgets?scope=global", FINANCE).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        quota.status = 500;
        assertThat(get("/api/v1/spend/budgets?scope=global", FINANCE).getStatusCode())
                .isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(get("/api/v1/spend/budgets?scope=global", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertBadRequest("/api/v1/spend/budgets?scope=org:x", "'scope' must be");
    }

    private static BigDecimal spent(BurnReport report, String currency) {
        return report.currencies().stream().filter(burn -> burn.currency().equals(currency)).findFirst()
                .orElseThrow().spent();
    }
}
