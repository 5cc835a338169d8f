package dev.switchboard.quota.budget;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.FINANCE;
import static dev.switchboard.quota.QuotaHttp.Auth.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.AdminApiIntegrationTest;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Token and money budgets through the admin API on real PostgreSQL: CRUD, exact money, validation, audit, roles. */
class BudgetAdministrationIntegrationTests extends AdminApiIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "quota_budget_admin_tests");
    }

    @Test
    void keepsMoneyExactWithCurrencyAndTimeZone() {
        http.createTeam("spender");
        Response put = http.put("/api/v1/budgets/team:spender/money/month",
                "{\"hardLimit\":1234.567891,\"softThreshold\":1000.10,\"timeZone\":\"Europe/Berlin\"}", ADMIN);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().path("hardLimit").decimalValue()).isEqualByComparingTo("1234.567891");
        assertThat(put.body().path("softThreshold").toString()).isEqualTo("1000.1");
        assertThat(put.text("currency")).isEqualTo("USD");
        assertThat(put.text("timeZone")).isEqualTo("Europe/Berlin");
        BigDecimal stored = jdbc.sql("select hard_limit from quota.budgets where scope = 'team:spender'")
                .query(BigDecimal.class).single();
        assertThat(stored).isEqualByComparingTo("1234.567891");

        JsonNode audit = http.lastAudit("budget", "team:spender/money/month");
        assertThat(audit.path("action").asString()).isEqualTo("create");
        assertThat(audit.path("after").path("hardLimit").decimalValue()).isEqualByComparingTo("1234.567891");
    }

    @Test
    void putsReplacesListsAndDeletesTokenBudgets() {
        http.createTeam("counted");
        Response day = http.put("/api/v1/budgets/team:counted/tokens/day", "{\"hardLimit\":1000000}", ADMIN);
        assertThat(day.status()).isEqualTo(200);
        assertThat(day.text("timeZone")).isEqualTo("UTC");
        assertThat(day.body().path("currency").isNull()).isTrue();
        http.put("/api/v1/budgets/team:counted/tokens/day", "{\"hardLimit\":2000000,\"softThreshold\":1500000}", ADMIN);
        JsonNode audit = http.lastAudit("budget", "team:counted/tokens/day");
        assertThat(audit.path("before").path("hardLimit").asLong()).isEqualTo(1_000_000);
        assertThat(audit.path("after").path("softThreshold").asLong()).isEqualTo(1_500_000);
        http.put("/api/v1/budgets/team:counted/tokens/week", "{\"hardLimit\":5000000}", ADMIN);

        assertThat(http.get("/api/v1/budgets?scope=team:counted", ADMIN).body().size()).isEqualTo(2);
        assertThat(http.delete("/api/v1/budgets/team:counted/tokens/week", ADMIN).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/budgets/team:counted/tokens/week", ADMIN).status()).isEqualTo(404);
        assertThat(http.lastAudit("budget", "team:counted/tokens/week").path("action").asString()).isEqualTo("delete");
        assertThat(http.get("/api/v1/budgets/team:counted/tokens/day", ADMIN).body().path("hardLimit").asLong())
                .isEqualTo(2_000_000);
    }

    @Test
    void validatesBudgetsFieldByField() {
        String global = "/api/v1/budgets/global/";
        assertInvalid(http.put(global + "euros/day", "{\"hardLimit\":1}", ADMIN), "kind:");
        assertInvalid(http.put(global + "money/year", "{\"hardLimit\":1}", ADMIN), "period:");
        assertInvalid(http.put("/api/v1/budgets/all/money/day", "{\"hardLimit\":1}", ADMIN), "scope:");
        assertInvalid(http.put(global + "money/day", "{}", ADMIN), "hardLimit:");
        assertInvalid(http.put(global + "money/day", "{\"hardLimit\":-1}", ADMIN), "hardLimit:");
        assertInvalid(http.put(global + "money/day", "{\"hardLimit\":1.1234567}", ADMIN), "hardLimit:");
        assertInvalid(http.put(global + "money/day", "{\"hardLimit\":10,\"softThreshold\":10}", ADMIN), "softThreshold:");
        assertInvalid(http.put(global + "money/day", "{\"hardLimit\":10,\"currency\":\"usd\"}", ADMIN), "currency:");
        assertInvalid(http.put(global + "money/day", "{\"hardLimit\":10,\"currency\":\"XYZ\"}", ADMIN), "currency:");
        assertInvalid(http.put(global + "money/day", "{\"hardLimit\":10,\"timeZone\":\"+02:00\"}", ADMIN), "timeZone:");
        assertInvalid(http.put(global + "tokens/day", "{\"hardLimit\":10.5}", ADMIN), "hardLimit:");
        assertInvalid(http.put(global + "tokens/day", "{\"hardLimit\":10,\"currency\":\"USD\"}", ADMIN), "currency:");
        assertThat(http.get("/api/v1/budgets?scope=global", ADMIN).body().size()).isZero();
    }

    @Test
    void answersNotFoundForUnknownScopesAndBudgets() {
        assertThat(http.put("/api/v1/budgets/team:ghost/money/day", "{\"hardLimit\":1}", ADMIN).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/budgets/global/money/day", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void financeAndViewersReadBudgetsOnlyAdminChangesThem() {
        http.createTeam("finance-read");
        http.put("/api/v1/budgets/team:finance-read/money/month", "{\"hardLimit\":500}", ADMIN);
        assertThat(http.get("/api/v1/budgets", FINANCE).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/budgets/team:finance-read/money/month", FINANCE).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/budgets", VIEWER).status()).isEqualTo(200);
        assertThat(http.put("/api/v1/budgets/team:finance-read/money/month", "{\"hardLimit\":9999}", FINANCE).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/v1/budgets/team:finance-read/money/month", VIEWER).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/budgets/team:finance-read/money/month", ADMIN).body().path("hardLimit").asInt()).isEqualTo(500);
    }
}
