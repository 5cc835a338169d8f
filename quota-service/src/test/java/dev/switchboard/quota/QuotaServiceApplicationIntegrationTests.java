package dev.switchboard.quota;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.NONE;
import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The whole service on a random port against real PostgreSQL and Redis: teams, keys, authentication, probes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY})
class QuotaServiceApplicationIntegrationTests {

    private static final String INCORRECT_KEY = "Incorrect API key provided.";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_application_tests");
        SwitchboardInfrastructure.redis().register(registry);
        // settlement consumes usage events; without a broker the context waits ~40 s for Kafka at start
        SwitchboardInfrastructure.kafka().register(registry);
    }

    @BeforeAll
    static void flushRedis() {
        SwitchboardInfrastructure.redis().flushAll();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    QuotaHttp http;

    @BeforeEach
    void client() {
        http = new QuotaHttp(port);
    }

    @Test
    void createsListsAndFetchesTeams() {
        Response created = http.post("/api/v1/teams", "{\"id\":\"alpha\",\"name\":\" Alpha team \"}", ADMIN);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo("alpha");
        assertThat(created.text("name")).isEqualTo("Alpha team");
        assertThat(created.text("createdAt")).isNotBlank();

        Response listed = http.get("/api/v1/teams", ADMIN);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().valueStream().map(team -> team.path("id").asString())).contains("alpha");

        Response fetched = http.get("/api/v1/teams/alpha", ADMIN);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text("name")).isEqualTo("Alpha team");
    }

    @Test
    void answersNotFoundForUnknownTeam() {
        Response response = http.get("/api/v1/teams/nobody", ADMIN);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("type")).isEqualTo("not_found");
    }

    @Test
    void rejectsDuplicateTeam() {
        assertThat(http.createTeam("twice").status()).isEqualTo(201);
        Response again = http.createTeam("twice");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("conflict");
    }

    @Test
    void rejectsInvalidTeamBodies() {
        assertInvalid(http.post("/api/v1/teams", "{\"id\":\"Not_A_Slug\",\"name\":\"x\"}", ADMIN));
        assertInvalid(http.post("/api/v1/teams", "{\"id\":\"-leading-dash\",\"name\":\"x\"}", ADMIN));
        assertInvalid(http.post("/api/v1/teams", "{\"id\":\"" + "a".repeat(64) + "\",\"name\":\"x\"}", ADMIN));
        assertInvalid(http.post("/api/v1/teams", "{\"id\":\"ok\",\"name\":\"  \"}", ADMIN));
        assertInvalid(http.post("/api/v1/teams", "{\"name\":\"no id\"}", ADMIN));
        assertInvalid(http.post("/api/v1/teams", "{not json", ADMIN));
    }

    @Test
    void showsThePlaintextKeyOnlyOnceAndStoresOnlyItsHash() {
        http.createTeam("keys-once");
        Response created = http.createKey("keys-once", "demo key", 600);
        assertThat(created.status()).isEqualTo(201);
        String plaintext = created.text("key");
        String keyId = created.text("id");
        assertThat(plaintext).matches("sb-[0-9A-Za-z]{40}");
        assertThat(keyId).matches("key_[0-9A-Za-z]{16}");
        assertThat(created.text("prefix")).isEqualTo(plaintext.substring(0, 10));
        assertThat(created.text("teamId")).isEqualTo("keys-once");
        assertThat(created.text("name")).isEqualTo("demo key");
        assertThat(created.body().path("requestsPerMinute").asInt()).isEqualTo(600);
        assertThat(created.text("createdAt")).isNotBlank();

        Response listed = http.get("/api/v1/teams/keys-once/keys", ADMIN);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().size()).isEqualTo(1);
        JsonNode listedKey = listed.body().get(0);
        assertThat(listedKey.path("id").asString()).isEqualTo(keyId);
        assertThat(listedKey.path("status").asString()).isEqualTo("active");
        assertThat(listedKey.has("key")).isFalse();
        assertThat(listedKey.propertyNames()).noneMatch(name -> name.toLowerCase().contains("hash"));
        assertThat(listed.body().toString()).doesNotContain(plaintext).doesNotContain(QuotaHttp.sha256Hex(plaintext));

        Map<String, Object> row = jdbc.sql("select * from quota.api_keys where id = :id").param("id", keyId)
                .query().singleRow();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(plaintext));
        assertThat(row.get("key_hash")).isEqualTo(QuotaHttp.sha256Hex(plaintext));
        assertThat(row.get("key_prefix")).isEqualTo(plaintext.substring(0, 10));
    }

    @Test
    void importsAnExistingKeyValueOnce() {
        http.createTeam("migrated");
        http.createTeam("other");
        String legacy = "sk-legacy-0123456789abcdef";

        Response imported = http.post("/api/v1/teams/migrated/keys",
                "{\"name\":\"from litellm\",\"key\":\"" + legacy + "\"}", ADMIN);
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.text("prefix")).isEqualTo(legacy.substring(0, 10));
        assertThat(authenticate(QuotaHttp.sha256Hex(legacy)).text("keyId")).isEqualTo(imported.text("id"));
        assertThat(jdbc.sql("select count(*) from quota.api_keys where key_hash = :hash")
                .param("hash", QuotaHttp.sha256Hex(legacy)).query(Long.class).single()).isEqualTo(1);

        Response again = http.post("/api/v1/teams/other/keys",
                "{\"name\":\"clash\",\"key\":\"" + legacy + "\"}", ADMIN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().toString()).doesNotContain("migrated");
    }

    @Test
    void rejectsImportedKeysThatAreTooShortOrContainSpaces() {
        http.createTeam("weak-import");
        assertInvalid(http.post("/api/v1/teams/weak-import/keys", "{\"name\":\"x\",\"key\":\"sk-short\"}", ADMIN));
        assertInvalid(http.post("/api/v1/teams/weak-import/keys",
                "{\"name\":\"x\",\"key\":\"sk with spaces 0123456789\"}", ADMIN));
        assertThat(http.get("/api/v1/teams/weak-import/keys", ADMIN).body().size()).isZero();
    }

    @Test
    void issuesUnlimitedKeyWhenNoLimitIsGiven() {
        http.createTeam("unlimited");
        Response created = http.post("/api/v1/teams/unlimited/keys", "{\"name\":\"no limit\"}", ADMIN);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("requestsPerMinute").isNull()).isTrue();
    }

    @Test
    void rejectsInvalidKeyBodies() {
        http.createTeam("bad-keys");
        assertInvalid(http.createKey("bad-keys", "negative", -1));
        assertInvalid(http.post("/api/v1/teams/bad-keys/keys", "{\"name\":\" \",\"requestsPerMinute\":5}", ADMIN));
        assertInvalid(http.post("/api/v1/teams/bad-keys/keys", "{\"requestsPerMinute\":5}", ADMIN));
        assertInvalid(http.post("/api/v1/teams/bad-keys/keys", "{\"name\":\"x\",\"requestsPerMinute\":\"many\"}", ADMIN));
        assertThat(http.get("/api/v1/teams/bad-keys/keys", ADMIN).body().size()).isZero();
    }

    @Test
    void answersNotFoundForKeysOfUnknownTeam() {
        assertThat(http.createKey("ghost-team", "k", 1).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/teams/ghost-team/keys", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void authenticatesKeyBySha256Digest() {
        http.createTeam("auth");
        Response created = http.createKey("auth", "edge key", 10);
        String digest = QuotaHttp.sha256Hex(created.text("key"));

        Response authenticated = authenticate(digest);
        assertThat(authenticated.status()).isEqualTo(200);
        assertThat(authenticated.text("keyId")).isEqualTo(created.text("id"));
        assertThat(authenticated.text("teamId")).isEqualTo("auth");
        assertThat(authenticated.text("keyName")).isEqualTo("edge key");
        assertThat(authenticated.body().path("scopes").isArray()).isTrue();
        assertThat(authenticated.body().path("scopes").size()).isZero();

        assertThat(authenticate(digest.toUpperCase()).status()).isEqualTo(200);
    }

    @Test
    void rejectsUnknownAndRevokedKeysWithTheSameAnswer() {
        http.createTeam("revoked-auth");
        Response created = http.createKey("revoked-auth", "soon gone", null);
        String digest = QuotaHttp.sha256Hex(created.text("key"));

        Response unknown = authenticate(QuotaHttp.sha256Hex("sb-not-a-key-anybody-was-given"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("type")).isEqualTo("authentication");
        assertThat(unknown.text("message")).isEqualTo(INCORRECT_KEY);

        assertThat(http.revoke(created.text("id")).status()).isEqualTo(200);
        Response revoked = authenticate(digest);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.body()).isEqualTo(unknown.body());
    }

    @Test
    void rejectsMalformedKeyHash() {
        assertInvalid(authenticate("abc"));
        assertInvalid(authenticate(""));
        assertInvalid(authenticate("g".repeat(64)));
        assertInvalid(http.post("/internal/v1/keys/authenticate", "{}", SERVICE));
        assertInvalid(http.post("/internal/v1/keys/authenticate", "[1,2]", SERVICE));
    }

    @Test
    void revokesIdempotently() {
        http.createTeam("revoke");
        String keyId = http.createKey("revoke", "k", 5).text("id");

        Response first = http.revoke(keyId);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("revoked");
        assertThat(first.text("revokedAt")).isNotBlank();
        assertThat(first.body().has("key")).isFalse();

        Response second = http.revoke(keyId);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("status")).isEqualTo("revoked");
        assertThat(second.text("revokedAt")).isEqualTo(first.text("revokedAt"));

        assertThat(http.get("/api/v1/teams/revoke/keys", ADMIN).body().get(0).path("status").asString())
                .isEqualTo("revoked");
    }

    @Test
    void answersNotFoundWhenRevokingUnknownKey() {
        Response response = http.revoke("key_0000000000000000");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("type")).isEqualTo("not_found");
    }

    @Test
    void requiresTheRightTokenOnEachApi() {
        assertUnauthorized(http.get("/api/v1/teams", NONE));
        assertUnauthorized(http.get("/api/v1/teams", SERVICE));
        assertUnauthorized(http.post("/api/v1/teams", "{\"id\":\"sneaky\",\"name\":\"x\"}", NONE));
        assertUnauthorized(http.post("/internal/v1/keys/authenticate",
                "{\"keyHash\":\"" + "a".repeat(64) + "\"}", NONE));
        assertUnauthorized(http.post("/internal/v1/admissions", "{}", ADMIN));
        assertThat(http.get("/api/v1/teams/sneaky", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void exposesProbesAndPrometheusMetrics() {
        assertThat(http.get("/actuator/health/liveness", NONE).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", NONE).status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", NONE).status()).isEqualTo(200);
        assertThat(http.getText("/actuator/prometheus")).contains("jvm_memory_used_bytes");
    }

    private Response authenticate(String keyHash) {
        return http.post("/internal/v1/keys/authenticate", "{\"keyHash\":\"" + keyHash + "\"}", SERVICE);
    }

    private static void assertInvalid(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("invalid_request");
        assertThat(response.text("message")).isNotBlank();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("type")).isEqualTo("authentication");
    }
}
