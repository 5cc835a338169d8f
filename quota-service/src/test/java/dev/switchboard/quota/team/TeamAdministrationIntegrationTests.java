package dev.switchboard.quota.team;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.FINANCE;
import static dev.switchboard.quota.QuotaHttp.Auth.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.quota.AdminApiIntegrationTest;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Organisations and teams through the admin API on real PostgreSQL: CRUD, validation, conflicts, audit, roles. */
class TeamAdministrationIntegrationTests extends AdminApiIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "quota_team_admin_tests");
    }

    @Test
    void createsRenamesAndDeletesOrganisationsWithAudit() {
        Response created = http.put("/api/v1/organisations/acme", "{\"name\":\" Acme \"}", ADMIN);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("name")).isEqualTo("Acme");
        assertThat(http.lastAudit("organisation", "acme").path("action").asString()).isEqualTo("create");

        http.put("/api/v1/organisations/acme", "{\"name\":\"Acme Inc\"}", ADMIN);
        JsonNode update = http.lastAudit("organisation", "acme");
        assertThat(update.path("action").asString()).isEqualTo("update");
        assertThat(update.path("actor").asString()).isEqualTo("admin");
        assertThat(update.path("before").path("name").asString()).isEqualTo("Acme");
        assertThat(update.path("after").path("name").asString()).isEqualTo("Acme Inc");

        assertThat(http.get("/api/v1/organisations/acme", VIEWER).text("name")).isEqualTo("Acme Inc");
        assertThat(http.get("/api/v1/organisations", VIEWER).body().toString()).contains("acme");

        assertThat(http.delete("/api/v1/organisations/acme", ADMIN).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/organisations/acme", ADMIN).status()).isEqualTo(404);
        assertThat(http.lastAudit("organisation", "acme").path("after").isNull()).isTrue();
    }

    @Test
    void refusesToDeleteAnOrganisationWithTeams() {
        http.put("/api/v1/organisations/busy", "{\"name\":\"Busy\"}", ADMIN);
        http.post("/api/v1/teams", "{\"id\":\"busy-team\",\"name\":\"x\",\"organisationId\":\"busy\"}", ADMIN);
        Response refused = http.delete("/api/v1/organisations/busy", ADMIN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("message")).contains("busy-team");
    }

    @Test
    void movesATeamBetweenOrganisationsWithAudit() {
        http.put("/api/v1/organisations/north", "{\"name\":\"North\"}", ADMIN);
        Response created = http.post("/api/v1/teams", "{\"id\":\"mover\",\"name\":\"Mover\",\"organisationId\":\"north\"}", ADMIN);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("organisationId")).isEqualTo("north");
        assertThat(http.lastAudit("team", "mover").path("action").asString()).isEqualTo("create");

        Response updated = http.put("/api/v1/teams/mover", "{\"name\":\"Movers\"}", ADMIN);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("Movers");
        assertThat(updated.body().path("organisationId").isNull()).isTrue();
        JsonNode audit = http.lastAudit("team", "mover");
        assertThat(audit.path("before").path("organisationId").asString()).isEqualTo("north");
        assertThat(audit.path("after").path("organisationId").isNull()).isTrue();
    }

    @Test
    void patchesOnlyTheNamedFields() {
        http.put("/api/v1/organisations/south", "{\"name\":\"South\"}", ADMIN);
        http.post("/api/v1/teams", "{\"id\":\"patched\",\"name\":\"Old\",\"organisationId\":\"south\"}", ADMIN);

        Response renamed = http.send(HttpMethod.PATCH, "/api/v1/teams/patched", "{\"name\":\"New\"}", ADMIN);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("New");
        assertThat(renamed.text("organisationId")).isEqualTo("south");

        Response detached = http.send(HttpMethod.PATCH, "/api/v1/teams/patched", "{\"organisationId\":null}", ADMIN);
        assertThat(detached.text("name")).isEqualTo("New");
        assertThat(detached.body().path("organisationId").isNull()).isTrue();
        assertThat(http.lastAudit("team", "patched").path("before").path("organisationId").asString())
                .isEqualTo("south");

        assertInvalid(http.send(HttpMethod.PATCH, "/api/v1/teams/patched", "{\"name\":\"\"}", ADMIN), "name:");
        assertInvalid(http.send(HttpMethod.PATCH, "/api/v1/teams/patched", "{\"id\":\"x\"}", ADMIN), "id:");
        assertInvalid(http.send(HttpMethod.PATCH, "/api/v1/teams/patched", "{\"organisationId\":\"nowhere\"}", ADMIN),
                "organisationId:");
        assertThat(http.send(HttpMethod.PATCH, "/api/v1/teams/ghost", "{}", ADMIN).status()).isEqualTo(404);
        assertThat(http.send(HttpMethod.PATCH, "/api/v1/teams/patched", "{}", VIEWER).status()).isEqualTo(403);
    }

    @Test
    void validatesTeamAndOrganisationBodiesFieldByField() {
        assertInvalid(http.put("/api/v1/organisations/Bad_Id", "{\"name\":\"x\"}", ADMIN), "id:");
        assertInvalid(http.put("/api/v1/organisations/ok", "{\"name\":\" \"}", ADMIN), "name:");
        assertInvalid(http.post("/api/v1/teams", "{\"id\":\"orphan\",\"name\":\"x\",\"organisationId\":\"nowhere\"}", ADMIN),
                "organisationId: no organisation 'nowhere'");
        http.createTeam("valid");
        assertInvalid(http.put("/api/v1/teams/valid", "{\"name\":\"\"}", ADMIN), "name:");
        assertInvalid(http.put("/api/v1/teams/valid", "{\"name\":\"x\",\"organisationId\":\"nowhere\"}", ADMIN),
                "organisationId:");
    }

    @Test
    void answersNotFoundForUnknownTeamsAndOrganisations() {
        assertThat(http.put("/api/v1/teams/ghost", "{\"name\":\"x\"}", ADMIN).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/teams/ghost", ADMIN).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/organisations/ghost", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void refusesToDeleteATeamWhileAKeyIsActiveAndDeletesItOnceRevoked() {
        http.createTeam("leaving");
        String keyId = http.createKey("leaving", "k", null).text("id");
        Response refused = http.delete("/api/v1/teams/leaving", ADMIN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("message")).contains(keyId);

        http.revoke(keyId);
        assertThat(http.delete("/api/v1/teams/leaving", ADMIN).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/teams/leaving", ADMIN).status()).isEqualTo(404);
        JsonNode audit = http.lastAudit("team", "leaving");
        assertThat(audit.path("action").asString()).isEqualTo("delete");
        assertThat(audit.path("before").path("name").asString()).isEqualTo("Team leaving");
    }

    @Test
    void auditsTheLimitsAndBudgetsThatGoWithADeletedTeamAndItsKeys() {
        http.createTeam("cascading");
        String keyId = http.createKey("cascading", "k", null).text("id");
        JsonNode teamLimit = http.put("/api/v1/limits/team:cascading", "{\"requestsPerMinute\":100}", ADMIN).body();
        JsonNode modelLimit = http.put("/api/v1/limits/team:cascading?model=gpt-4o", "{\"maxOutputTokens\":512}",
                ADMIN).body();
        JsonNode keyLimit = http.put("/api/v1/limits/key:" + keyId, "{\"maxConcurrent\":2}", ADMIN).body();
        JsonNode teamBudget = http.put("/api/v1/budgets/team:cascading/money/month",
                "{\"hardLimit\":100.50,\"softThreshold\":80,\"currency\":\"EUR\"}", ADMIN).body();
        JsonNode keyBudget = http.put("/api/v1/budgets/key:" + keyId + "/tokens/day", "{\"hardLimit\":1000}", ADMIN)
                .body();
        http.revoke(keyId);

        assertThat(http.delete("/api/v1/teams/cascading", ADMIN).status()).isEqualTo(204);

        assertDeletedAs("limit", "team:cascading", teamLimit);
        assertDeletedAs("limit", "team:cascading/gpt-4o", modelLimit);
        assertDeletedAs("limit", "key:" + keyId, keyLimit);
        assertDeletedAs("budget", "team:cascading/money/month", teamBudget);
        assertDeletedAs("budget", "key:" + keyId + "/tokens/day", keyBudget);
        assertThat(jdbc.sql("select count(*) from quota.limits where scope like '%cascading%' or key_id = :k")
                .param("k", keyId).query(Long.class).single()).isZero();
    }

    @Test
    void auditsNothingCascadedWhenTheTeamDeleteIsRefused() {
        http.createTeam("staying");
        String keyId = http.createKey("staying", "k", null).text("id");
        http.put("/api/v1/limits/key:" + keyId, "{\"maxConcurrent\":2}", ADMIN);

        assertThat(http.delete("/api/v1/teams/staying", ADMIN).status()).isEqualTo(409);

        assertThat(http.lastAudit("limit", "key:" + keyId).path("action").asString()).isEqualTo("create");
    }

    private void assertDeletedAs(String entityType, String entityId, JsonNode asTheApiShowedIt) {
        JsonNode audit = http.lastAudit(entityType, entityId);
        assertThat(audit.path("action").asString()).as(entityId).isEqualTo("delete");
        assertThat(audit.path("actor").asString()).isEqualTo("admin");
        assertThat(audit.path("after").isNull()).isTrue();
        assertThat(audit.path("before")).as(entityId).isEqualTo(asTheApiShowedIt);
    }

    @Test
    void letsViewersReadButNotChangeAndFinanceNeither() {
        http.createTeam("watched");
        assertThat(http.get("/api/v1/teams/watched", VIEWER).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/audit", VIEWER).status()).isEqualTo(200);
        assertThat(http.put("/api/v1/teams/watched", "{\"name\":\"x\"}", VIEWER).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/teams/watched", VIEWER).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/organisations/o", "{\"name\":\"x\"}", VIEWER).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/teams", FINANCE).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/teams/watched", ADMIN).text("name")).isEqualTo("Team watched");
    }

    @Test
    void keepsTheAuditLogAppendOnly() {
        http.createTeam("history");
        assertThat(jdbc.sql("select count(*) from quota.audit_log").query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> jdbc.sql("delete from quota.audit_log").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update quota.audit_log set actor = 'x'").update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void promptLoggingIsOffUntilAnAdminOptsTheTeamInAndTheEdgeLearnsItWhenAKeyAuthenticates() {
        Response created = http.post("/api/v1/teams", "{\"id\":\"chatty\",\"name\":\"Chatty\"}", ADMIN);
        assertThat(created.body().path("logPrompts").asBoolean(true)).isFalse();
        String key = http.post("/api/v1/teams/chatty/keys", "{\"name\":\"app\"}", ADMIN).text("key");
        assertThat(authenticate(key).path("logPrompts").asBoolean(true)).isFalse();

        Response optedIn = http.send(HttpMethod.PATCH, "/api/v1/teams/chatty", "{\"logPrompts\":true}", ADMIN);
        assertThat(optedIn.status()).isEqualTo(200);
        assertThat(optedIn.body().path("logPrompts").asBoolean()).isTrue();
        JsonNode audit = http.lastAudit("team", "chatty");
        assertThat(audit.path("before").path("logPrompts").asBoolean(true)).isFalse();
        assertThat(audit.path("after").path("logPrompts").asBoolean()).isTrue();
        assertThat(authenticate(key).path("logPrompts").asBoolean()).isTrue();

        Response renamed = http.put("/api/v1/teams/chatty", "{\"name\":\"Chatty Co\"}", ADMIN);
        assertThat(renamed.body().path("logPrompts").asBoolean()).as("a PUT without the field keeps it").isTrue();
        Response optedOut = http.put("/api/v1/teams/chatty", "{\"name\":\"Chatty Co\",\"logPrompts\":false}",
                ADMIN);
        assertThat(optedOut.body().path("logPrompts").asBoolean(true)).isFalse();
        assertThat(authenticate(key).path("logPrompts").asBoolean(true)).isFalse();

        Response notABoolean = http.send(HttpMethod.PATCH, "/api/v1/teams/chatty", "{\"logPrompts\":\"yes\"}",
                ADMIN);
        assertInvalid(notABoolean, "logPrompts");
    }

    private JsonNode authenticate(String plaintext) {
        Response response = http.post("/internal/v1/keys/authenticate",
                "{\"keyHash\":\"" + QuotaHttp.sha256Hex(plaintext) + "\"}", QuotaHttp.Auth.SERVICE);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
