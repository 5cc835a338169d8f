package dev.switchboard.routing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_audit_tests");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RoutingHttp http;

    @BeforeEach
    void seedProvider() {
        http = new RoutingHttp(port);
        ok(http.admin(PUT, "/api/v1/providers/base", "{\"type\":\"openai\",\"baseUrl\":\"http://127.0.0.1:1/v1\"}"));
    }

    @Test
    void providerCreateUpdateAndDeleteEachWriteOneEntryWithBeforeAndAfter() {
        JsonNode created = ok(http.admin(PUT, "/api/v1/providers/audited",
                "{\"type\":\"openai\",\"baseUrl\":\"http://a/v1\",\"credentialRef\":\"OPENAI_KEY\"}"));
        JsonNode updated = ok(http.admin(PUT, "/api/v1/providers/audited",
                "{\"type\":\"anthropic\",\"baseUrl\":\"http://b\"}"));
        assertThat(http.admin(DELETE, "/api/v1/providers/audited", null).status()).isEqualTo(204);

        assertThat(updated).isNotEqualTo(created);
        assertLifecycle(entries("provider", "audited"), "provider", "audited", created, updated);
        // credentialRef is only a variable's name, so it is shown, not masked
        assertThat(created.get("credentialRef").asString()).isEqualTo("OPENAI_KEY");
    }

    @Test
    void modelCreateUpdateAndDeleteEachWriteOneEntryWithBeforeAndAfter() {
        JsonNode created = ok(http.admin(PUT, "/api/v1/models/team/audited-model", """
                {"provider":"base","version":"1","price":{"inputPerMillion":"0.15","outputPerMillion":"0.6"}}"""));
        JsonNode updated = ok(http.admin(PUT, "/api/v1/models/team/audited-model",
                "{\"provider\":\"base\",\"version\":\"2\",\"maxOutputTokens\":100}"));
        assertThat(http.admin(DELETE, "/api/v1/models/team/audited-model", null).status()).isEqualTo(204);

        List<JsonNode> entries = entries("model", "team/audited-model");
        assertLifecycle(entries, "model", "team/audited-model", created, updated);
        assertThat(entries.get(2).get("after").get("maxOutputTokens").asInt()).isEqualTo(4096);
    }

    @Test
    void aliasCreateUpdateAndDeleteEachWriteOneEntryWithBeforeAndAfter() {
        ok(http.admin(PUT, "/api/v1/models/alias-target-a", "{\"provider\":\"base\",\"version\":\"1\"}"));
        ok(http.admin(PUT, "/api/v1/models/alias-target-b", "{\"provider\":\"base\",\"version\":\"1\"}"));

        JsonNode created = ok(http.admin(PUT, "/api/v1/aliases/audited-alias", "{\"model\":\"alias-target-a\"}"));
        JsonNode updated = ok(http.admin(PUT, "/api/v1/aliases/audited-alias", "{\"model\":\"alias-target-b\"}"));
        assertThat(http.admin(DELETE, "/api/v1/aliases/audited-alias", null).status()).isEqualTo(204);

        assertLifecycle(entries("alias", "audited-alias"), "alias", "audited-alias", created, updated);
    }

    @Test
    void refusedRequestsWriteNothing() {
        ok(http.admin(PUT, "/api/v1/models/busy-model", "{\"provider\":\"base\",\"version\":\"1\"}"));
        ok(http.admin(PUT, "/api/v1/aliases/busy-alias", "{\"model\":\"busy-model\"}"));
        long newest = newestId();

        assertThat(http.admin(DELETE, "/api/v1/providers/nobody", null).status()).isEqualTo(404);
        assertThat(http.admin(DELETE, "/api/v1/providers/base", null).status()).isEqualTo(409);
        assertThat(http.admin(PUT, "/api/v1/providers/Bad_Id", "{\"type\":\"openai\",\"baseUrl\":\"http://a\"}")
                .status()).isEqualTo(400);
        assertThat(http.admin(PUT, "/api/v1/models/orphan", "{\"provider\":\"nobody\",\"version\":\"1\"}").status())
                .isEqualTo(400);
        assertThat(http.admin(DELETE, "/api/v1/models/busy-model", null).status()).isEqualTo(409);
        assertThat(http.admin(PUT, "/api/v1/aliases/busy-model", "{\"model\":\"busy-model\"}").status()).isEqualTo(409);
        assertThat(http.admin(PUT, "/api/v1/aliases/dangling", "{\"model\":\"nobody\"}").status()).isEqualTo(400);
        assertThat(http.admin(PUT, "/api/v1/aliases/no-body", "{}").status()).isEqualTo(400);
        assertThat(http.anonymous(PUT, "/api/v1/aliases/sneaky", "{\"model\":\"busy-model\"}").status()).isEqualTo(401);

        assertThat(newestId()).isEqualTo(newest);
    }

    @Test
    void recordsThePrincipalAndTheUserItActsFor() {
        assertThat(adminAs("alice@example.com", PUT, "/api/v1/providers/by-alice",
                "{\"type\":\"openai\",\"baseUrl\":\"http://a\"}").status()).isEqualTo(200);
        ok(http.admin(PUT, "/api/v1/providers/by-alice", "{\"type\":\"openai\",\"baseUrl\":\"http://b\"}"));
        ok(http.as(RoutingHttp.OPS_TOKEN, PUT, "/api/v1/providers/by-alice",
                "{\"type\":\"openai\",\"baseUrl\":\"http://c\"}"));

        List<JsonNode> entries = entries("provider", "by-alice");
        assertThat(entries).extracting(entry -> entry.get("actor").asString()).containsExactly("ops", "admin",
                "alice@example.com via admin");
    }

    @Test
    void refusesAnInvalidActorHeaderBeforeChangingAnything() {
        long newest = newestId();

        // 91 + " via admin" is one more than the audit log's 100 characters
        Response response = adminAs("x".repeat(91), PUT, "/api/v1/providers/by-nobody",
                "{\"type\":\"openai\",\"baseUrl\":\"http://a\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("message").asString()).startsWith("x-switchboard-actor: ");
        assertThat(http.admin(GET, "/api/v1/providers/by-nobody", null).status()).isEqualTo(404);
        assertThat(newestId()).isEqualTo(newest);
    }

    @Test
    void triggerRefusesUpdateAndDeleteOfEntries() {
        ok(http.admin(PUT, "/api/v1/providers/immutable", "{\"type\":\"openai\",\"baseUrl\":\"http://a\"}"));
        long id = newestId();

        assertThatThrownBy(() -> jdbc.sql("update routing.audit_log set actor = 'mallory' where id = :id")
                .param("id", id).update()).hasMessageContaining("audit_log is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("delete from routing.audit_log where id = :id").param("id", id).update())
                .hasMessageContaining("audit_log is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("truncate routing.audit_log").update())
                .hasMessageContaining("audit_log is append-only: TRUNCATE refused");

        assertThat(jdbc.sql("select actor from routing.audit_log where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void filtersByEntityTypeAndIdNewestFirst() {
        ok(http.admin(PUT, "/api/v1/models/same-name", "{\"provider\":\"base\",\"version\":\"1\"}"));
        ok(http.admin(PUT, "/api/v1/providers/same-name", "{\"type\":\"openai\",\"baseUrl\":\"http://a\"}"));
        ok(http.admin(PUT, "/api/v1/models/same-name", "{\"provider\":\"same-name\",\"version\":\"1\"}"));

        List<JsonNode> byId = list(ok(http.admin(GET, "/api/v1/audit?entityId=same-name", null)));
        assertThat(byId).extracting(entry -> entry.get("entityType").asString())
                .containsExactly("model", "provider", "model");
        assertThat(byId).extracting(entry -> entry.get("id").asLong())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(entries("provider", "same-name")).hasSize(1);
        assertThat(list(ok(http.admin(GET, "/api/v1/audit?entityType=alias&limit=500", null))))
                .allSatisfy(entry -> assertThat(entry.get("entityType").asString()).isEqualTo("alias"));
    }

    @Test
    void limitsDefaultTo50AndAcceptUpTo500() {
        for (int i = 0; i < 26; i++) {
            ok(http.admin(PUT, "/api/v1/providers/many-" + i, "{\"type\":\"openai\",\"baseUrl\":\"http://a\"}"));
            ok(http.admin(PUT, "/api/v1/providers/many-" + i, "{\"type\":\"openai\",\"baseUrl\":\"http://b\"}"));
        }

        assertThat(list(ok(http.admin(GET, "/api/v1/audit", null)))).hasSize(50);
        assertThat(list(ok(http.admin(GET, "/api/v1/audit?limit=3", null)))).hasSize(3);
        assertThat(list(ok(http.admin(GET, "/api/v1/audit?limit=500", null)))).hasSizeGreaterThan(50);
        JsonNode newest = list(ok(http.admin(GET, "/api/v1/audit?limit=1", null))).get(0);
        assertThat(newest.get("entityId").asString()).isEqualTo("many-25");
        assertThat(newest.get("action").asString()).isEqualTo("update");
    }

    @Test
    void rejectsBadQueryParameters() {
        assertBadRequest("/api/v1/audit?limit=0", "limit: must be between 1 and 500");
        assertBadRequest("/api/v1/audit?limit=501", "limit: must be between 1 and 500");
        assertBadRequest("/api/v1/audit?limit=lots", "parameter 'limit' has the wrong type");
        assertBadRequest("/api/v1/audit?entityType=rule", "entityType: must be one of provider, model, alias, route");
        assertBadRequest("/api/v1/audit?entityType=Provider", "entityType: must be one of provider, model, alias, route");
        assertBadRequest("/api/v1/audit?entityId=", "entityId: must not be empty");
        assertThat(http.anonymous(GET, "/api/v1/audit", null).status()).isEqualTo(401);
    }

    @Test
    void offersNoWayToChangeTheLogOverHttp() {
        assertThat(http.admin(DELETE, "/api/v1/audit", null).status()).isEqualTo(405);
        assertThat(http.admin(PUT, "/api/v1/audit", "{}").status()).isEqualTo(405);
    }

    private void assertLifecycle(List<JsonNode> entries, String type, String id, JsonNode created, JsonNode updated) {
        assertThat(entries).hasSize(3);
        assertThat(entries).extracting(entry -> entry.get("action").asString())
                .containsExactly("delete", "update", "create");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("entityType").asString()).isEqualTo(type);
            assertThat(entry.get("entityId").asString()).isEqualTo(id);
            assertThat(entry.get("actor").asString()).isEqualTo("admin");
            assertThat(entry.has("occurredAt")).isTrue();
        });
        JsonNode delete = entries.get(0);
        JsonNode update = entries.get(1);
        JsonNode create = entries.get(2);
        assertThat(create.get("before").isNull()).isTrue();
        assertThat(create.get("after")).isEqualTo(created);
        assertThat(update.get("before")).isEqualTo(created);
        assertThat(update.get("after")).isEqualTo(updated);
        assertThat(delete.get("before")).isEqualTo(updated);
        assertThat(delete.get("after").isNull()).isTrue();
    }

    private void assertBadRequest(String path, String message) {
        Response response = http.admin(GET, path, null);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("message").asString()).isEqualTo(message);
    }

    private List<JsonNode> entries(String type, String id) {
        return list(ok(http.admin(GET, "/api/v1/audit?entityType={type}&entityId={id}", null, type, id)));
    }

    private long newestId() {
        return list(ok(http.admin(GET, "/api/v1/audit?limit=1", null))).get(0).get("id").asLong();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> entries = new ArrayList<>();
        array.forEach(entries::add);
        return entries;
    }

    private Response adminAs(String actor, HttpMethod method, String path, String body) {
        return RestClient.create("http://localhost:" + port).method(method).uri(path)
                .header("Authorization", "Bearer " + RoutingHttp.ADMIN_TOKEN).header(Actor.HEADER, actor)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Response(res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }
}
