package dev.switchboard.quota.key;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.quota.AdminApiIntegrationTest;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6's key storage rule, checked everywhere at once: after keys are issued, imported, rotated, used for
 * self-service, authenticated and admitted, no table of the quota schema holds a plaintext key and only
 * {@code api_keys.key_hash} holds its digest; Redis holds neither; and no response but the one that issued a key
 * shows it, none shows a digest.
 */
class KeyStorageIntegrationTests extends AdminApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "quota_key_storage_tests");
    }

    @Autowired
    StringRedisTemplate redis;

    /** A key's plaintext and the one response allowed to show it. */
    private record Issued(String id, String plaintext, Response issuedBy) {

        String hash() {
            return QuotaHttp.sha256Hex(plaintext);
        }
    }

    private final List<Issued> issued = new ArrayList<>();
    private final List<Response> seen = new ArrayList<>();

    private Response see(Response response) {
        seen.add(response);
        return response;
    }

    private Issued issue(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        Issued key = new Issued(response.text("id"), response.text("key"), see(response));
        issued.add(key);
        return key;
    }

    @Test
    void keepsNoKeyMaterialButTheDigestAndEchoesNeither() {
        see(http.createTeam("vault"));
        Issued manager = issue(http.post("/api/v1/teams/vault/keys", """
                {"name":"manager","requestsPerMinute":100,"scopes":["keys:write"],"metadata":{"owner":"ana"}}""", ADMIN));
        Issued imported = issue(http.post("/api/v1/teams/vault/keys",
                "{\"name\":\"imported\",\"requestsPerMinute\":100,\"key\":\"sk-imported-" + UUID.randomUUID() + "\"}",
                ADMIN));
        Issued rotated = issue(http.post("/api/v1/keys/" + manager.id() + "/rotate", "{\"overlapSeconds\":300}", ADMIN));
        Issued selfService = issue(http.sendAs(rotated.plaintext(), HttpMethod.POST, "/api/v1/teams/vault/keys",
                "{\"name\":\"by-key\",\"requestsPerMinute\":10}"));

        for (Issued key : issued) {
            Response authenticated = see(http.post("/internal/v1/keys/authenticate",
                    "{\"keyHash\":\"" + key.hash() + "\"}", SERVICE));
            assertThat(authenticated.text("keyId")).isEqualTo(key.id());
            Response admitted = see(http.post("/internal/v1/admissions", JSON.writeValueAsString(
                    new AdmissionRequest(UUID.randomUUID().toString(), key.id(), "vault", "gpt-4o-mini", 12, 256)),
                    SERVICE));
            assertThat(admitted.status()).isEqualTo(200);
            sendMalformedRequestsCarrying(key);
        }
        see(http.get("/api/v1/teams/vault/keys", ADMIN));
        for (Issued key : issued) {
            see(http.get("/api/v1/keys/" + key.id(), ADMIN));
            see(http.get("/api/v1/audit?entityType=key&entityId=" + key.id(), ADMIN));
        }
        see(http.get("/api/v1/audit?limit=500", ADMIN));
        see(http.post("/api/v1/keys/" + selfService.id() + "/revoke", "", ADMIN));

        assertThat(issued).hasSize(4).doesNotContainNull();
        assertThat(imported.plaintext()).startsWith("sk-imported-");
        for (Issued key : issued) {
            assertDatabaseHoldsOnlyTheDigest(key);
            assertRedisHoldsNeither(key);
            assertNoResponseEchoes(key);
        }
    }

    /** Every way a key can end up in a request it does not belong in; each answer must leave it out. */
    private void sendMalformedRequestsCarrying(Issued key) {
        String plaintext = key.plaintext();
        String keys = "/api/v1/teams/vault/keys";
        List<Response> errors = List.of(
                http.post(keys, "{\"name\":\"again\",\"key\":\"" + plaintext + "\"}", ADMIN),
                http.post(keys, "{\"name\":\"bad\",\"key\":\"" + plaintext + "\",\"expiresInDays\":\"soon\"}", ADMIN),
                http.post(keys, "{\"name\":\"bad\",\"key\":\"" + plaintext + " \"}", ADMIN),
                http.post(keys, "{\"name\":\"bad\",\"scopes\":[\"" + plaintext + "\"]}", ADMIN),
                http.post(keys, "{\"name\":\"bad\",\"allowedModels\":\"" + plaintext + "\"}", ADMIN),
                http.post(keys, "{\"name\":\"" + plaintext + "\",\"requestsPerMinute\":-1}", ADMIN),
                http.post(keys, "{\"name\":\"" + plaintext, ADMIN),
                http.post("/api/v1/keys/" + key.id() + "/rotate", "{\"overlapSeconds\":\"" + plaintext + "\"}", ADMIN),
                http.post("/internal/v1/keys/authenticate", "{\"keyHash\":\"" + plaintext + "\"}", SERVICE),
                http.post("/internal/v1/keys/authenticate", "{\"keyHash\":\"" + key.hash() + "0\"}", SERVICE),
                http.post("/internal/v1/keys/authenticate", "{\"keyHash\":" + JSON.writeValueAsString(List.of(key.hash()))
                        + "}", SERVICE),
                http.get("/api/v1/keys/" + plaintext, ADMIN),
                http.get("/api/v1/keys/" + key.hash(), ADMIN),
                http.put("/api/v1/limits/key:" + plaintext, "{\"maxConcurrent\":1}", ADMIN),
                http.sendAs(plaintext, HttpMethod.GET, "/api/v1/teams", null),
                http.sendAs(plaintext + "x", HttpMethod.GET, "/api/v1/teams/vault/keys", null));
        for (Response error : errors) {
            assertThat(error.status()).as(error.body().toString()).isBetween(400, 499);
            see(error);
        }
    }

    private void assertDatabaseHoldsOnlyTheDigest(Issued key) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = 'quota'
                          and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
                        order by table_name, column_name""")
                .query().listOfRows();
        assertThat(columns).extracting(column -> column.get("table_name") + "." + column.get("column_name"))
                .contains("api_keys.key_hash", "api_keys.scopes", "audit_log.after", "audit_log.before");
        List<String> holdingHash = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = column.get("table_name") + "." + column.get("column_name");
            String count = "select count(*) from quota.\"%s\" where strpos(\"%s\"::text, :needle) > 0"
                    .formatted(column.get("table_name"), column.get("column_name"));
            assertThat(jdbc.sql(count).param("needle", key.plaintext()).query(Long.class).single())
                    .as("plaintext in " + name).isZero();
            if (jdbc.sql(count).param("needle", key.hash()).query(Long.class).single() > 0) {
                holdingHash.add(name);
            }
        }
        assertThat(holdingHash).containsExactly("api_keys.key_hash");
    }

    private void assertRedisHoldsNeither(Issued key) {
        int scanned = 0;
        try (Cursor<String> names = redis.scan(ScanOptions.scanOptions().count(1000).build())) {
            while (names.hasNext()) {
                String name = names.next();
                scanned++;
                String stored = name + " " + switch (redis.type(name).code()) {
                    case "string" -> redis.opsForValue().get(name);
                    case "hash" -> redis.opsForHash().entries(name);
                    case "list" -> redis.opsForList().range(name, 0, -1);
                    case "set" -> redis.opsForSet().members(name);
                    case "zset" -> redis.opsForZSet().range(name, 0, -1);
                    default -> "";
                };
                assertThat(stored).as("redis key " + name).doesNotContain(key.plaintext()).doesNotContain(key.hash());
            }
        }
        assertThat(scanned).as("admission wrote to Redis").isPositive();
    }

    private void assertNoResponseEchoes(Issued key) {
        for (Response response : seen) {
            String body = response.body().toString() + " " + response.headers();
            assertThat(body).doesNotContain(key.hash());
            if (response != key.issuedBy()) {
                assertThat(body).as(body).doesNotContain(key.plaintext());
            }
        }
    }
}
