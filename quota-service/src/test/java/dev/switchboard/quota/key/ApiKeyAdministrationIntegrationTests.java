package dev.switchboard.quota.key;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static dev.switchboard.quota.QuotaHttp.Auth.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.AdminApiIntegrationTest;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Key expiry, allowed models, metadata, rotation and their audit on real PostgreSQL and Redis. */
class ApiKeyAdministrationIntegrationTests extends AdminApiIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "quota_key_admin_tests");
    }

    @Test
    void storesExpiryAllowedModelsAndMetadata() {
        http.createTeam("labels");
        Response created = http.post("/api/v1/teams/labels/keys", """
                {"name":"ci","expiresInDays":30,"allowedModels":["gpt-4o-mini","fast"],
                 "metadata":{"owner":"ana","purpose":"ci"}}""", ADMIN);
        assertThat(created.status()).isEqualTo(201);
        Instant expiresAt = Instant.parse(created.text("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(29 * 86400), Instant.now().plusSeconds(31 * 86400));

        JsonNode listed = http.get("/api/v1/teams/labels/keys", VIEWER).body().get(0);
        assertThat(listed.path("allowedModels").toString()).isEqualTo("[\"gpt-4o-mini\",\"fast\"]");
        assertThat(listed.path("metadata").path("owner").asString()).isEqualTo("ana");
        assertThat(Instant.parse(listed.path("expiresAt").asString())).isEqualTo(expiresAt);

        JsonNode audit = http.lastAudit("key", created.text("id"));
        assertThat(audit.path("action").asString()).isEqualTo("create");
        assertThat(audit.path("after").path("metadata").path("purpose").asString()).isEqualTo("ci");
        assertThat(audit.toString()).doesNotContain(created.text("key"))
                .doesNotContain(QuotaHttp.sha256Hex(created.text("key")));
    }

    @Test
    void rejectsInvalidExpiryModelsAndMetadataWithFieldPaths() {
        http.createTeam("strict");
        String keys = "/api/v1/teams/strict/keys";
        assertInvalid(http.post(keys, "{\"name\":\"k\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", ADMIN), "expiresAt:");
        assertInvalid(http.post(keys, "{\"name\":\"k\",\"expiresAt\":\"2999-01-01T00:00:00Z\",\"expiresInDays\":1}", ADMIN),
                "expiresAt:");
        assertInvalid(http.post(keys, "{\"name\":\"k\",\"expiresInDays\":0}", ADMIN), "expiresInDays:");
        assertInvalid(http.post(keys, "{\"name\":\"k\",\"allowedModels\":[\" \"]}", ADMIN), "allowedModels[0]");
        assertInvalid(http.post(keys, "{\"name\":\"k\",\"metadata\":{\"owner\":\"" + "x".repeat(257) + "\"}}", ADMIN),
                "metadata[owner]");
        StringBuilder many = new StringBuilder("{\"name\":\"k\",\"metadata\":{");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertInvalid(http.post(keys, many + "}}", ADMIN), "metadata:");
        assertThat(http.get("/api/v1/teams/strict/keys", ADMIN).body().size()).isZero();
    }

    @Test
    void rotationKeepsTheOldKeyDuringTheOverlapOnly() throws InterruptedException {
        http.createTeam("rotating");
        Response old = http.post("/api/v1/teams/rotating/keys", """
                {"name":"svc","requestsPerMinute":60,"allowedModels":["m1"],"metadata":{"owner":"bo"}}""", ADMIN);
        String oldHash = QuotaHttp.sha256Hex(old.text("key"));

        Response rotated = http.post("/api/v1/keys/" + old.text("id") + "/rotate", "{\"overlapSeconds\":1}", ADMIN);
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(rotated.text("id")).isNotEqualTo(old.text("id"));
        assertThat(rotated.text("key")).isNotEqualTo(old.text("key")).startsWith("sb-");
        assertThat(rotated.text("teamId")).isEqualTo("rotating");
        assertThat(rotated.text("rotatedFrom")).isEqualTo(old.text("id"));
        assertThat(rotated.body().path("requestsPerMinute").asInt()).isEqualTo(60);
        assertThat(rotated.body().path("allowedModels").toString()).isEqualTo("[\"m1\"]");
        assertThat(rotated.body().path("metadata").path("owner").asString()).isEqualTo("bo");
        assertThat(rotated.toString()).doesNotContain(oldHash);

        assertThat(authenticate(oldHash).status()).isEqualTo(200);
        assertThat(authenticate(QuotaHttp.sha256Hex(rotated.text("key"))).text("keyId")).isEqualTo(rotated.text("id"));
        JsonNode audit = http.lastAudit("key", old.text("id"));
        assertThat(audit.path("before").path("expiresAt").isNull()).isTrue();
        assertThat(audit.path("after").path("expiresAt").asString()).isNotBlank();
        assertThat(http.lastAudit("key", rotated.text("id")).path("action").asString()).isEqualTo("create");

        Thread.sleep(1_500);
        Response expired = authenticate(oldHash);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("message")).isEqualTo(ApiKeyService.INCORRECT_KEY);
        assertThat(http.post("/api/v1/keys/" + old.text("id") + "/rotate", "{\"overlapSeconds\":0}", ADMIN).status())
                .isEqualTo(409);
        assertThat(http.delete("/api/v1/teams/rotating", ADMIN).status()).isEqualTo(409);
    }

    @Test
    void rotationWithoutOverlapEndsTheOldKeyAtOnce() {
        http.createTeam("instant");
        Response old = http.createKey("instant", "k", null);
        http.post("/api/v1/keys/" + old.text("id") + "/rotate", "{\"overlapSeconds\":0}", ADMIN);
        assertThat(authenticate(QuotaHttp.sha256Hex(old.text("key"))).status()).isEqualTo(401);
        Response admission = http.admit(old.text("id"), "instant");
        assertThat(admission.body().path("admitted").asBoolean()).isFalse();
        assertThat(admission.text("reason")).isEqualTo("key_revoked");
    }

    @Test
    void validatesRotationAndAnswersNotFound() {
        assertThat(http.post("/api/v1/keys/key_nope/rotate", "{\"overlapSeconds\":5}", ADMIN).status()).isEqualTo(404);
        http.createTeam("rot-invalid");
        String id = http.createKey("rot-invalid", "k", null).text("id");
        assertInvalid(http.post("/api/v1/keys/" + id + "/rotate", "{\"overlapSeconds\":-1}", ADMIN), "overlapSeconds:");
        assertInvalid(http.post("/api/v1/keys/" + id + "/rotate", "{}", ADMIN), "overlapSeconds:");
        assertThat(http.post("/api/v1/keys/" + id + "/rotate", "{\"overlapSeconds\":5}", VIEWER).status()).isEqualTo(403);
    }

    @Test
    void neverEchoesAKeyOrItsHash() {
        http.createTeam("secretive");
        Response created = http.createKey("secretive", "k", null);
        String plaintext = created.text("key");
        String hash = QuotaHttp.sha256Hex(plaintext);
        assertThat(created.body().toString()).doesNotContain(hash);

        Response rotated = http.post("/api/v1/keys/" + created.text("id") + "/rotate", "{\"overlapSeconds\":60}", ADMIN);
        String rotatedHash = QuotaHttp.sha256Hex(rotated.text("key"));
        assertThat(rotated.body().toString()).doesNotContain(hash).doesNotContain(rotatedHash);

        String listed = http.get("/api/v1/teams/secretive/keys", ADMIN).body().toString();
        assertThat(listed).doesNotContain(plaintext).doesNotContain(hash).doesNotContain(rotatedHash)
                .doesNotContain(rotated.text("key"));

        Response duplicate = http.post("/api/v1/teams/secretive/keys",
                "{\"name\":\"again\",\"key\":\"" + plaintext + "\"}", ADMIN);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().toString()).doesNotContain(plaintext).doesNotContain(hash);
        Response refused = authenticate(QuotaHttp.sha256Hex("sb-unknown-key-value"));
        assertThat(refused.body().toString()).doesNotContain(QuotaHttp.sha256Hex("sb-unknown-key-value"));
        String audit = http.get("/api/v1/audit?entityType=key", ADMIN).body().toString();
        assertThat(audit).doesNotContain(hash).doesNotContain(rotatedHash).doesNotContain(plaintext);
    }

    private Response authenticate(String keyHash) {
        return http.post("/internal/v1/keys/authenticate", "{\"keyHash\":\"" + keyHash + "\"}", SERVICE);
    }
}
