package dev.switchboard.quota.limit;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.FINANCE;
import static dev.switchboard.quota.QuotaHttp.Auth.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.AdminApiIntegrationTest;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Limits per scope and model through the admin API on real PostgreSQL: CRUD, validation, 404s, audit, roles. */
class LimitAdministrationIntegrationTests extends AdminApiIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "quota_limit_admin_tests");
    }

    @Test
    void putsReadsReplacesAndDeletesLimitsPerScopeAndModel() {
        http.createTeam("limited");
        Response all = http.put("/api/v1/limits/team:limited",
                "{\"requestsPerMinute\":100,\"tokensPerMinute\":50000}", ADMIN);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.text("scope")).isEqualTo("team:limited");
        assertThat(all.body().path("model").isNull()).isTrue();
        Response perModel = http.put("/api/v1/limits/team:limited?model=gpt-4o", "{\"maxOutputTokens\":4096}", ADMIN);
        assertThat(perModel.text("model")).isEqualTo("gpt-4o");

        JsonNode listed = http.get("/api/v1/limits?scope=team:limited", VIEWER).body();
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0).path("tokensPerMinute").asLong()).isEqualTo(50_000);
        assertThat(listed.get(1).path("maxOutputTokens").asInt()).isEqualTo(4096);

        http.put("/api/v1/limits/team:limited", "{\"maxConcurrent\":5}", ADMIN);
        Response replaced = http.get("/api/v1/limits/team:limited", VIEWER);
        assertThat(replaced.body().path("maxConcurrent").asInt()).isEqualTo(5);
        assertThat(replaced.body().path("requestsPerMinute").isNull()).isTrue();
        JsonNode audit = http.lastAudit("limit", "team:limited");
        assertThat(audit.path("before").path("requestsPerMinute").asInt()).isEqualTo(100);
        assertThat(audit.path("after").path("maxConcurrent").asInt()).isEqualTo(5);

        assertThat(http.delete("/api/v1/limits/team:limited?model=gpt-4o", ADMIN).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/limits/team:limited?model=gpt-4o", ADMIN).status()).isEqualTo(404);
        assertThat(http.lastAudit("limit", "team:limited/gpt-4o").path("action").asString()).isEqualTo("delete");
        assertThat(http.get("/api/v1/limits/team:limited", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void acceptsGlobalAndKeyScopes() {
        assertThat(http.put("/api/v1/limits/global", "{\"maxConcurrent\":1000}", ADMIN).status()).isEqualTo(200);
        http.createTeam("keyed");
        String keyId = http.createKey("keyed", "k", null).text("id");
        Response key = http.put("/api/v1/limits/key:" + keyId, "{\"requestsPerMinute\":10}", ADMIN);
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.text("scope")).isEqualTo("key:" + keyId);
        assertThat(http.get("/api/v1/limits", ADMIN).body().toString()).contains("global", "key:" + keyId);
    }

    @Test
    void validatesScopeModelAndValuesFieldByField() {
        assertInvalid(http.put("/api/v1/limits/everyone", "{\"maxConcurrent\":1}", ADMIN), "scope:");
        assertInvalid(http.put("/api/v1/limits/global", "{\"requestsPerMinute\":0}", ADMIN), "requestsPerMinute:");
        assertInvalid(http.put("/api/v1/limits/global", "{\"tokensPerMinute\":-5}", ADMIN), "tokensPerMinute:");
        assertInvalid(http.put("/api/v1/limits/global", "{\"maxConcurrent\":100001}", ADMIN), "maxConcurrent:");
        assertInvalid(http.put("/api/v1/limits/global", "{\"maxOutputTokens\":99999999}", ADMIN), "maxOutputTokens:");
        assertInvalid(http.put("/api/v1/limits/global", "{}", ADMIN), "at least one");
        assertInvalid(http.put("/api/v1/limits/global?model=", "{\"maxConcurrent\":1}", ADMIN), "model:");
        assertInvalid(http.get("/api/v1/limits?scope=nobody", ADMIN), "scope:");
    }

    @Test
    void answersNotFoundForUnknownTeamsKeysAndLimits() {
        assertThat(http.put("/api/v1/limits/team:ghost", "{\"maxConcurrent\":1}", ADMIN).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/limits/key:key_ghost", "{\"maxConcurrent\":1}", ADMIN).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/limits/team:ghost", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminChangesLimits() {
        assertThat(http.put("/api/v1/limits/global", "{\"maxConcurrent\":1}", VIEWER).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/limits/global", VIEWER).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/limits", VIEWER).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/limits", FINANCE).status()).isEqualTo(403);
    }
}
