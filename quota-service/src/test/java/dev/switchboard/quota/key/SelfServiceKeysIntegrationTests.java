package dev.switchboard.quota.key;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.AdminApiIntegrationTest;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A gateway key with keys:write managing its own team's keys over real HTTP, never beyond its own rights. */
class SelfServiceKeysIntegrationTests extends AdminApiIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "quota_self_service_tests");
    }

    /** Creates a key as admin; {@code body} is the JSON object's inside. */
    private Response adminKey(String teamId, String body) {
        Response created = http.post("/api/v1/teams/" + teamId + "/keys", "{" + body + "}", ADMIN);
        assertThat(created.status()).as(body).isEqualTo(201);
        return created;
    }

    private Response asKey(String key, HttpMethod method, String path, String json) {
        return http.sendAs(key, method, path, json);
    }

    private Response createAsKey(String key, String teamId, String body) {
        return asKey(key, HttpMethod.POST, "/api/v1/teams/" + teamId + "/keys", "{" + body + "}");
    }

    private static void assertWidens(Response refused, String right) {
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("permission");
        assertThat(refused.text("message")).contains("may not give a key more rights than its own").contains(right);
    }

    @Test
    void createsListsGetsAndRevokesKeysOfItsOwnTeamAsItself() {
        http.createTeam("self");
        Response manager = adminKey("self", """
                "name":"manager","scopes":["keys:write"],"requestsPerMinute":100,"allowedModels":["a","b"],
                "expiresInDays":30""");
        String me = "key:" + manager.text("id");
        assertThat(manager.body().path("scopes").toString()).isEqualTo("[\"keys:write\"]");

        Response created = createAsKey(manager.text("key"), "self",
                "\"name\":\"worker\",\"requestsPerMinute\":50,\"allowedModels\":[\"a\"],\"expiresInDays\":10");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("teamId")).isEqualTo("self");
        assertThat(http.lastAudit("key", created.text("id")).path("actor").asString()).isEqualTo(me);

        Response listed = asKey(manager.text("key"), HttpMethod.GET, "/api/v1/teams/self/keys", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().size()).isEqualTo(2);
        assertThat(asKey(manager.text("key"), HttpMethod.GET, "/api/v1/keys/" + created.text("id"), null).text("name"))
                .isEqualTo("worker");

        Response revoked = asKey(manager.text("key"), HttpMethod.POST, "/api/v1/keys/" + created.text("id") + "/revoke",
                null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("revoked");
        JsonNode audit = http.lastAudit("key", created.text("id"));
        assertThat(audit.path("actor").asString()).isEqualTo(me);
        assertThat(audit.path("after").path("status").asString()).isEqualTo("revoked");
    }

    @Test
    void seesNoOtherTeamAndItsKeys() {
        http.createTeam("mine");
        http.createTeam("theirs");
        String key = adminKey("mine", "\"name\":\"manager\",\"scopes\":[\"keys:write\"]").text("key");
        String theirs = adminKey("theirs", "\"name\":\"victim\"").text("id");

        Response list = asKey(key, HttpMethod.GET, "/api/v1/teams/theirs/keys", null);
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.text("message")).isEqualTo("no team 'theirs'");
        assertThat(createAsKey(key, "theirs", "\"name\":\"planted\"").status()).isEqualTo(404);
        assertThat(asKey(key, HttpMethod.GET, "/api/v1/keys/" + theirs, null).text("message"))
                .isEqualTo("no key '" + theirs + "'");
        assertThat(asKey(key, HttpMethod.POST, "/api/v1/keys/" + theirs + "/revoke", null).status()).isEqualTo(404);
        assertThat(asKey(key, HttpMethod.POST, "/api/v1/keys/" + theirs + "/rotate", "{\"overlapSeconds\":0}").status())
                .isEqualTo(404);

        assertThat(http.get("/api/v1/teams/theirs/keys", ADMIN).body().get(0).path("status").asString())
                .isEqualTo("active");
        assertThat(http.get("/api/v1/teams/theirs/keys", ADMIN).body().size()).isEqualTo(1);
    }

    @Test
    void neverGivesAKeyMoreRightsThanItsOwn() {
        http.createTeam("bounded");
        String key = adminKey("bounded", """
                "name":"manager","scopes":["keys:write"],"requestsPerMinute":60,"allowedModels":["a","b"],
                "expiresInDays":30""").text("key");
        // 30 days from now would end a moment after the manager, created a moment ago for 30 days
        String within = "\"requestsPerMinute\":60,\"allowedModels\":[\"a\"],\"expiresInDays\":29";

        assertWidens(createAsKey(key, "bounded",
                "\"name\":\"n\",\"requestsPerMinute\":60,\"allowedModels\":[\"a\",\"c\"],\"expiresInDays\":1"),
                "allowedModels");
        assertWidens(createAsKey(key, "bounded", "\"name\":\"n\",\"requestsPerMinute\":60,\"expiresInDays\":1"),
                "allowedModels");
        assertWidens(createAsKey(key, "bounded", "\"name\":\"n\",\"requestsPerMinute\":60,\"allowedModels\":[\"a\"]"),
                "expiry");
        assertWidens(createAsKey(key, "bounded",
                "\"name\":\"n\",\"requestsPerMinute\":60,\"allowedModels\":[\"a\"],\"expiresInDays\":31"), "expiry");
        assertWidens(createAsKey(key, "bounded", "\"name\":\"n\",\"allowedModels\":[\"a\"],\"expiresInDays\":1"),
                "requestsPerMinute");
        assertWidens(createAsKey(key, "bounded",
                "\"name\":\"n\",\"requestsPerMinute\":61,\"allowedModels\":[\"a\"],\"expiresInDays\":1"),
                "requestsPerMinute");
        Response everything = createAsKey(key, "bounded", "\"name\":\"n\"");
        assertWidens(everything, "allowedModels");
        assertThat(everything.text("message")).contains("expiry").contains("requestsPerMinute");

        String sibling = adminKey("bounded", "\"name\":\"wide\",\"allowedModels\":[\"z\"]").text("id");
        assertWidens(asKey(key, HttpMethod.POST, "/api/v1/keys/" + sibling + "/rotate", "{\"overlapSeconds\":0}"),
                "allowedModels");
        assertThat(http.get("/api/v1/teams/bounded/keys", ADMIN).body().size()).isEqualTo(2);

        Response granted = createAsKey(key, "bounded", "\"name\":\"ok\"," + within + ",\"scopes\":[\"keys:write\"]");
        assertThat(granted.status()).isEqualTo(201);
        assertThat(Instant.parse(granted.text("expiresAt"))).isBefore(Instant.now().plusSeconds(29 * 86400 + 60));
    }

    @Test
    void aKeyWithItsOwnLimitsMayNotMakeAKeyThatEscapesThem() {
        http.createTeam("limited-self");
        Response manager = adminKey("limited-self", "\"name\":\"manager\",\"scopes\":[\"keys:write\"]");
        assertThat(http.put("/api/v1/limits/key:" + manager.text("id"), "{\"maxConcurrent\":1}", ADMIN).status())
                .isEqualTo(200);

        assertWidens(createAsKey(manager.text("key"), "limited-self", "\"name\":\"n\""), "limits and budgets");
    }

    @Test
    void aKeyWithoutBoundsMayGrantAnyBoundsItHolds() {
        http.createTeam("open");
        String key = adminKey("open", "\"name\":\"manager\",\"scopes\":[\"keys:write\"]").text("key");

        assertThat(createAsKey(key, "open", "\"name\":\"free\"").status()).isEqualTo(201);
        assertThat(createAsKey(key, "open",
                "\"name\":\"bound\",\"requestsPerMinute\":5,\"allowedModels\":[\"x\"],\"expiresInDays\":1").status())
                .isEqualTo(201);
    }

    @Test
    void isForbiddenTeamsOrganisationsLimitsBudgetsAndAudit() {
        http.createTeam("fenced");
        Response manager = adminKey("fenced", "\"name\":\"manager\",\"scopes\":[\"keys:write\"]");
        String key = manager.text("key");
        String self = "key:" + manager.text("id");
        Object[][] calls = {
                {HttpMethod.GET, "/api/v1/teams", null},
                {HttpMethod.GET, "/api/v1/teams/fenced", null},
                {HttpMethod.POST, "/api/v1/teams", "{\"id\":\"planted\",\"name\":\"x\"}"},
                {HttpMethod.DELETE, "/api/v1/teams/fenced", null},
                {HttpMethod.GET, "/api/v1/organisations", null},
                {HttpMethod.PUT, "/api/v1/organisations/o", "{\"name\":\"x\"}"},
                {HttpMethod.GET, "/api/v1/limits", null},
                {HttpMethod.PUT, "/api/v1/limits/" + self, "{\"requestsPerMinute\":100000}"},
                {HttpMethod.PUT, "/api/v1/limits/team:fenced", "{\"requestsPerMinute\":100000}"},
                {HttpMethod.DELETE, "/api/v1/limits/team:fenced", null},
                {HttpMethod.GET, "/api/v1/budgets", null},
                {HttpMethod.PUT, "/api/v1/budgets/" + self + "/tokens/day", "{\"hardLimit\":1000000000}"},
                {HttpMethod.GET, "/api/v1/audit", null},
        };
        for (Object[] call : calls) {
            Response answer = asKey(key, (HttpMethod) call[0], (String) call[1], (String) call[2]);
            assertThat(answer.status()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(answer.text("message")).contains("principal '" + self + "' has role key");
        }
        assertThat(http.get("/api/v1/limits?scope=team:fenced", ADMIN).body().size()).isZero();
        assertThat(http.get("/api/v1/limits?scope=" + self, ADMIN).body().size()).isZero();
        assertThat(http.get("/api/v1/teams/planted", ADMIN).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/teams/fenced", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void onlyAnActiveKeyWithKeysWriteAuthenticatesAndOthersGetTheUsual401() {
        http.createTeam("gate");
        String plain = adminKey("gate", "\"name\":\"plain\"").text("key");
        Response revoked = adminKey("gate", "\"name\":\"gone\",\"scopes\":[\"keys:write\"]");
        http.revoke(revoked.text("id"));
        Response none = http.get("/api/v1/teams/gate/keys", QuotaHttp.Auth.NONE);

        for (String key : new String[] {plain, revoked.text("key"), "sb-unknownunknownunknownunknown"}) {
            Response answer = asKey(key, HttpMethod.GET, "/api/v1/teams/gate/keys", null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(none.body());
        }
    }

    @Test
    void storesShowsAuthenticatesAndRotatesScopesAndRefusesUnknownOnes() {
        http.createTeam("scoped");
        assertInvalid(http.post("/api/v1/teams/scoped/keys", "{\"name\":\"k\",\"scopes\":[\"keys:write\",\"admin\"]}",
                ADMIN), "scopes[1]: unknown scope");
        assertInvalid(http.post("/api/v1/teams/scoped/keys", "{\"name\":\"k\",\"scopes\":[\"\"]}", ADMIN), "scopes[0]");
        assertThat(http.get("/api/v1/teams/scoped/keys", ADMIN).body().size()).isZero();

        Response created = adminKey("scoped", "\"name\":\"k\",\"scopes\":[\"keys:write\",\"keys:write\"]");
        assertThat(created.body().path("scopes").toString()).isEqualTo("[\"keys:write\"]");
        assertThat(http.get("/api/v1/keys/" + created.text("id"), ADMIN).body().path("scopes").toString())
                .isEqualTo("[\"keys:write\"]");
        Response authenticated = http.post("/internal/v1/keys/authenticate",
                "{\"keyHash\":\"" + QuotaHttp.sha256Hex(created.text("key")) + "\"}", SERVICE);
        assertThat(authenticated.body().path("scopes").toString()).isEqualTo("[\"keys:write\"]");

        Response rotated = http.post("/api/v1/keys/" + created.text("id") + "/rotate", "{\"overlapSeconds\":0}", ADMIN);
        assertThat(rotated.body().path("scopes").toString()).isEqualTo("[\"keys:write\"]");
        assertThat(asKey(rotated.text("key"), HttpMethod.GET, "/api/v1/teams/scoped/keys", null).status()).isEqualTo(200);
        assertThat(adminKey("scoped", "\"name\":\"plain\"").body().path("scopes").toString()).isEqualTo("[]");
    }
}
