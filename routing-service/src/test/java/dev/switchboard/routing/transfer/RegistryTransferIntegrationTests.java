package dev.switchboard.routing.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryTransferIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_transfer_tests");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RoutingHttp http;

    @BeforeEach
    void emptyRegistry() {
        http = new RoutingHttp(port);
        jdbc.sql("delete from routing.routes").update();
        jdbc.sql("delete from routing.model_aliases").update();
        jdbc.sql("delete from routing.models").update();
        jdbc.sql("delete from routing.providers").update();
    }

    private void seedThroughTheApi() {
        ok(http.admin(PUT, "/api/v1/providers/mock-openai",
                "{\"type\":\"openai\",\"baseUrl\":\"http://127.0.0.1:1/v1\",\"credentialRef\":\"MOCK_OPENAI_KEY\"}"));
        ok(http.admin(PUT, "/api/v1/providers/local", "{\"type\":\"ollama\",\"baseUrl\":\"http://127.0.0.1:2\"}"));
        ok(http.admin(PUT, "/api/v1/models/gpt-4o-mini", """
                {"provider":"mock-openai","version":"2024-07-18","contextWindow":128000,"supportsTools":true,
                 "price":{"inputPerMillion":"0.15","cachedInputPerMillion":"0.075","outputPerMillion":"0.60"}}"""));
        ok(http.admin(PUT, "/api/v1/models/meta-llama/Llama-3.1-8B-Instruct", """
                {"provider":"local","version":"1","enabled":false,"reasoningTier":"low",
                 "price":{"inputPerMillion":"0.0000001","outputPerMillion":"1E+1"}}"""));
        ok(http.admin(PUT, "/api/v1/models/unpriced", "{\"provider\":\"local\",\"version\":\"1\"}"));
        ok(http.admin(PUT, "/api/v1/aliases/fast", "{\"model\":\"gpt-4o-mini\"}"));
    }

    @Test
    void exportsEverySectionWithoutSecretsAsYaml() {
        seedThroughTheApi();

        Response export = exportRegistry();

        assertThat(export.body()).contains("providers:", "models:", "aliases:", "credentialRef: MOCK_OPENAI_KEY",
                "name: meta-llama/Llama-3.1-8B-Instruct", "inputPerMillion: 0.0000001", "outputPerMillion: 10",
                "supportsTools: true", "enabled: false", "reasoningTier: low", "model: gpt-4o-mini");
        assertThat(export.body()).doesNotContain("createdAt").doesNotContain("priceVersion");
    }

    @Test
    void importingAnExportChangesNothingAtAll() {
        seedThroughTheApi();
        String file = exportRegistry().body();
        long version = version();
        long auditRows = count("routing.audit_log");
        long priceRows = count("routing.model_prices");

        JsonNode summary = ok(importFile(file, ""));

        assertThat(summary.get("changed").asBoolean()).isFalse();
        assertThat(summary.at("/sections/providers/unchanged").asInt()).isEqualTo(2);
        assertThat(summary.at("/sections/models/unchanged").asInt()).isEqualTo(3);
        assertThat(summary.at("/sections/aliases/unchanged").asInt()).isEqualTo(1);
        assertThat(version()).isEqualTo(version);
        assertThat(count("routing.audit_log")).isEqualTo(auditRows);
        assertThat(count("routing.model_prices")).isEqualTo(priceRows);
        assertThat(exportRegistry().body()).isEqualTo(file);
    }

    @Test
    void createsAndUpdatesInOneTransactionWithOneVersionBumpAndAuditsOnlyChanges() {
        seedThroughTheApi();
        long version = version();
        long auditRows = count("routing.audit_log");
        String file = exportRegistry().body()
                .replace("outputPerMillion: 0.60", "outputPerMillion: 0.70")
                .replace("aliases:\n", "aliases:\n- name: smart\n  model: unpriced\n");

        JsonNode summary = ok(importFile(file, ""));

        assertThat(summary.get("changed").asBoolean()).isTrue();
        assertThat(summary.get("registryVersion").asLong()).isEqualTo(version + 1);
        assertThat(version()).isEqualTo(version + 1);
        assertThat(summary.at("/sections/models/updated").asInt()).isEqualTo(1);
        assertThat(summary.at("/sections/models/unchanged").asInt()).isEqualTo(2);
        assertThat(summary.at("/sections/models/changes/0/key").asString()).isEqualTo("gpt-4o-mini");
        assertThat(summary.at("/sections/aliases/created").asInt()).isEqualTo(1);
        assertThat(count("routing.audit_log")).isEqualTo(auditRows + 2);
        assertThat(ok(http.admin(GET, "/api/v1/models/gpt-4o-mini", null)).at("/price/outputPerMillion").decimalValue())
                .isEqualByComparingTo("0.70");
        JsonNode newest = ok(http.admin(GET, "/api/v1/audit?limit=1", null)).get(0);
        assertThat(newest.get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void routesFallbacksKindsAndProviderSettingsRoundTripAsANoOp() {
        seedThroughTheApi();
        ok(http.admin(PUT, "/api/v1/providers/local", """
                {"type":"ollama","baseUrl":"http://127.0.0.1:2","enabled":false,"timeouts":{"firstTokenMillis":90000}}"""));
        ok(http.admin(PUT, "/api/v1/models/embedder", "{\"provider\":\"mock-openai\",\"version\":\"1\",\"kind\":\"embedding\"}"));
        ok(http.admin(PUT, "/api/v1/models/backup", "{\"provider\":\"mock-openai\",\"version\":\"1\",\"fallbacks\":[\"fast\"]}"));
        ok(http.admin(PUT, "/api/v1/routes/billing-pin", """
                {"position":10,"match":{"team":"billing"},"strategy":"model","target":"gpt-4o-mini",
                 "fallbacks":["backup"],"cache":{"enabled":false},"guardrails":["pii-redact"],
                 "resilience":{"maxAttempts":3,"hedgeAfterMillis":1500}}"""));
        ok(http.admin(PUT, "/api/v1/routes/ab", """
                {"position":20,"match":{"task":"summarize","tags":{"env":"prod"}},"strategy":"split",
                 "split":{"stickyBy":"request","arms":[{"target":"gpt-4o-mini","weight":90},{"target":"backup","weight":10}]}}"""));
        String file = exportRegistry().body();
        long version = version();
        long auditRows = count("routing.audit_log");

        JsonNode summary = ok(importFile(file, "?prune=true"));

        assertThat(file).contains("routes:", "name: billing-pin", "strategy: split", "stickyBy: request",
                "firstTokenMillis: 90000", "kind: embedding", "- fast", "guardrails:", "resilience:",
                "maxAttempts: 3", "hedgeAfterMillis: 1500");
        assertThat(summary.get("changed").asBoolean()).as(summary.toString()).isFalse();
        assertThat(summary.get("sections").get("routes").get("unchanged").asInt()).isEqualTo(2);
        assertThat(version()).isEqualTo(version);
        assertThat(count("routing.audit_log")).isEqualTo(auditRows);
        assertThat(exportRegistry().body()).isEqualTo(file);
    }

    @Test
    void aFileMaySwapRulePositionsButNotLeaveTwoRulesAtOne() {
        seedThroughTheApi();
        ok(http.admin(PUT, "/api/v1/routes/rule-one", "{\"position\":10,\"strategy\":\"model\",\"target\":\"gpt-4o-mini\"}"));
        ok(http.admin(PUT, "/api/v1/routes/rule-two", "{\"position\":20,\"strategy\":\"alias\",\"target\":\"fast\"}"));
        String swapped = """
                routes:
                - name: rule-one
                  position: 20
                  strategy: model
                  target: gpt-4o-mini
                - name: rule-two
                  position: 10
                  strategy: alias
                  target: fast
                """;
        String clash = swapped.replace("position: 10", "position: 20");

        Response refused = importFile(clash, "");
        JsonNode summary = ok(importFile(swapped, ""));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("message").asString()).contains("position 20: rule-one, rule-two");
        assertThat(summary.get("sections").get("routes").get("updated").asInt()).isEqualTo(2);
        JsonNode routes = ok(http.admin(GET, "/api/v1/routes", null));
        assertThat(routes.get(0).get("name").asString()).isEqualTo("rule-two");
        assertThat(routes.get(1).get("name").asString()).isEqualTo("rule-one");
    }

    @Test
    void aDryRunReportsTheDiffAndWritesNothing() {
        seedThroughTheApi();
        long version = version();
        long auditRows = count("routing.audit_log");
        String file = exportRegistry().body()
                .replace("providers:\n", "providers:\n- id: another\n  type: anthropic\n  baseUrl: https://api.anthropic.com\n")
                .replaceAll("(?s)aliases:.*", "aliases: []\n");

        JsonNode summary = ok(importFile(file, "?dryRun=true&prune=true"));

        assertThat(summary.get("dryRun").asBoolean()).isTrue();
        assertThat(summary.get("changed").asBoolean()).isTrue();
        assertThat(summary.get("registryVersion").asLong()).isEqualTo(version);
        assertThat(summary.at("/sections/providers/created").asInt()).isEqualTo(1);
        assertThat(summary.at("/sections/providers/unchanged").asInt()).isEqualTo(2);
        assertThat(summary.at("/sections/aliases/deleted").asInt()).isEqualTo(1);
        assertThat(summary.at("/sections/aliases/changes/0/key").asString()).isEqualTo("fast");
        assertThat(version()).isEqualTo(version);
        assertThat(count("routing.audit_log")).isEqualTo(auditRows);
        assertThat(http.admin(GET, "/api/v1/providers/another", null).status()).isEqualTo(404);
        assertThat(http.admin(GET, "/api/v1/aliases/fast", null).status()).isEqualTo(200);
    }

    @Test
    void aPruneThatWouldOrphanModelsIsAConflictNamingTheEntry() {
        seedThroughTheApi();
        String file = "providers:\n- id: another\n  type: anthropic\n  baseUrl: https://api.anthropic.com\n";

        Response response = importFile(file, "?dryRun=true&prune=true");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("message").asString()).startsWith("providers[id=local]: provider 'local' still serves");
        assertThat(importFile(file, "?prune=true").status()).isEqualTo(409);
        assertThat(http.admin(GET, "/api/v1/providers/another", null).status()).isEqualTo(404);
    }

    @Test
    void prunesOnlyTheSectionsTheFileHas() {
        seedThroughTheApi();
        String file = """
                aliases: []
                models:
                - name: gpt-4o-mini
                  provider: mock-openai
                  version: 2024-07-18
                  contextWindow: 128000
                  supportsTools: true
                """;

        JsonNode summary = ok(importFile(file, "?prune=true"));

        assertThat(summary.at("/sections/aliases/deleted").asInt()).isEqualTo(1);
        assertThat(summary.at("/sections/models/deleted").asInt()).isEqualTo(2);
        assertThat(summary.at("/sections/models/unchanged").asInt()).isEqualTo(1);
        assertThat(summary.at("/sections/providers").isMissingNode()).isTrue();
        assertThat(ok(http.admin(GET, "/api/v1/providers", null)).size()).isEqualTo(2);
        assertThat(ok(http.admin(GET, "/api/v1/models", null)).size()).isEqualTo(1);
        // the file gave no price, so the one in force stays
        assertThat(ok(http.admin(GET, "/api/v1/models/gpt-4o-mini", null)).at("/price/inputPerMillion").decimalValue())
                .isEqualByComparingTo("0.15");
    }

    @Test
    void refusesAnInvalidFileNamingEveryProblemByItsPathAndWritesNothing() {
        String file = """
                providers:
                - id: ok-provider
                  type: openai
                  baseUrl: http://127.0.0.1:1
                - id: Bad_Id
                  type: openai
                  baseUrl: http://127.0.0.1:1
                  credentialRef: sk-live-1234
                models:
                - name: cheap
                  provider: ok-provider
                  version: "1"
                - name: wrong
                  provider: ok-provider
                  version: "1"
                  price: {inputPerMillion: -1, outputPerMillion: 1}
                - name: cheap
                  provider: ok-provider
                  version: "1"
                - name: typo
                  provider: ok-provider
                  version: "1"
                  maxOutputToken: 5
                - name: typed
                  provider: ok-provider
                  version: "1"
                  contextWindow: lots
                gateways: []
                """;

        Response response = importFile(file, "");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        String message = response.json().get("message").asString();
        assertThat(message).contains("providers[1].id: provider ids are",
                "providers[1].credentialRef: must be the name",
                "models[1].price.inputPerMillion: must be greater than or equal to 0",
                "models[2].name: 'cheap' is already defined at models[0]",
                "models[3].maxOutputToken: unknown field",
                "models[4].contextWindow: has the wrong type or format",
                "gateways: not a registry section");
        assertThat(message).doesNotContain("sk-live-1234");
        assertThat(count("routing.providers")).isZero();
    }

    @Test
    void refusesABadResilienceSectionNamingItsPathInTheFile() {
        seedThroughTheApi();
        String routes = """
                routes:
                - name: one
                  position: 10
                  strategy: model
                  target: gpt-4o-mini
                - name: two
                  position: 20
                  strategy: alias
                  target: fast
                - name: three
                  position: 30
                  strategy: model
                  target: gpt-4o-mini
                  resilience:
                    maxAttempts: %s
                    hedgeAfterMillis: %s
                """;
        long version = version();

        Response outOfRange = importFile(routes.formatted("11", "10"), "");
        Response contradictory = importFile(routes.formatted("1", "1500"), "");

        assertThat(outOfRange.status()).as(outOfRange.toString()).isEqualTo(400);
        assertThat(outOfRange.json().get("message").asString()).isEqualTo(
                "routes[2].resilience.hedgeAfterMillis: must be greater than or equal to 50; "
                        + "routes[2].resilience.maxAttempts: must be less than or equal to 10");
        assertThat(contradictory.status()).as(contradictory.toString()).isEqualTo(400);
        assertThat(contradictory.json().get("message").asString())
                .isEqualTo("routes[2].resilience.hedgeAfterMillis: hedging needs maxAttempts of at least 2");
        assertThat(count("routing.routes")).isZero();
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void rollsBackEverythingWhenALaterEntryFailsItsChecks() {
        String file = """
                providers:
                - id: first
                  type: openai
                  baseUrl: http://127.0.0.1:1
                models:
                - name: orphan
                  provider: missing
                  version: "1"
                """;
        long version = version();

        Response response = importFile(file, "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).startsWith("models[0].provider: provider 'missing'");
        assertThat(count("routing.providers")).isZero();
        assertThat(count("routing.audit_log where entity_id = 'first'")).isZero();
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void refusesAnchorsDuplicateKeysSeveralDocumentsAndOddShapes() {
        String bomb = """
                a: &a ["x", "x", "x"]
                b: &b [*a, *a, *a]
                providers: *b
                """;
        assertRefused(bomb, 400, "anchors or aliases");
        assertRefused("providers:\n- id: a\n  id: b\n  type: openai\n  baseUrl: http://x\n", 400, "Duplicate");
        assertRefused("providers: []\n---\nmodels: []\n", 400, "more than one YAML document");
        assertRefused("- just\n- a list\n", 400, "mapping of sections");
        assertRefused("", 400, "empty");
        assertRefused("providers: {id: x}\n", 400, "providers: must be a list");
        assertRefused("providers: [unclosed\n", 400, "not valid YAML");
        assertRefused("providers:\n" + "- id: x\n  type: openai\n  baseUrl: http://x\n".repeat(100_000), 413, "larger");
        assertThat(count("routing.providers")).isZero();
    }

    @Test
    void takesOnlyYaml() {
        Response response = send(HttpMethod.POST, "/api/v1/registry/import", "{}", "application/json",
                RoutingHttp.ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body()).contains("application/yaml");
    }

    @Test
    void theRestOfTheApiTakesAndGivesJsonOnlyNotUnguardedYaml() {
        Response yamlPut = send(HttpMethod.PUT, "/api/v1/providers/yaml-put",
                "type: openai\nbaseUrl: http://127.0.0.1:1\n", "application/yaml", RoutingHttp.ADMIN_TOKEN);
        Response yamlGet = send(HttpMethod.GET, "/api/v1/providers", null, null, RoutingHttp.ADMIN_TOKEN,
                "application/yaml");

        assertThat(yamlPut.status()).as(yamlPut.toString()).isEqualTo(415);
        assertThat(count("routing.providers")).isZero();
        assertThat(yamlGet.status()).as(yamlGet.toString()).isEqualTo(406);
    }

    @Test
    void viewersMayDryRunAndExportButNotImport() {
        String file = "providers:\n- id: by-viewer\n  type: openai\n  baseUrl: http://127.0.0.1:1\n";

        assertThat(send(HttpMethod.GET, "/api/v1/registry/export", null, null, RoutingHttp.VIEWER_TOKEN).status())
                .isEqualTo(200);
        Response dryRun = send(HttpMethod.POST, "/api/v1/registry/import?dryRun=true", file, "application/yaml",
                RoutingHttp.VIEWER_TOKEN);
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        for (String query : new String[] {"", "?dryRun=false"}) {
            Response apply = send(HttpMethod.POST, "/api/v1/registry/import" + query, file, "application/yaml",
                    RoutingHttp.VIEWER_TOKEN);
            assertThat(apply.status()).as(query).isEqualTo(403);
        }
        assertThat(send(HttpMethod.POST, "/api/v1/registry/import?dryRun=true", file, "application/yaml",
                RoutingHttp.FINANCE_TOKEN).status()).isEqualTo(403);
        assertThat(count("routing.providers")).isZero();
    }

    private void assertRefused(String file, int status, String reason) {
        Response response = importFile(file, "");
        assertThat(response.status()).as(file.length() > 200 ? file.substring(0, 200) : file).isEqualTo(status);
        assertThat(response.json().get("message").asString()).as(response.toString()).contains(reason);
    }

    private Response exportRegistry() {
        Response response = send(HttpMethod.GET, "/api/v1/registry/export", null, null, RoutingHttp.ADMIN_TOKEN);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Response importFile(String yaml, String query) {
        return send(HttpMethod.POST, "/api/v1/registry/import" + query, yaml, "application/yaml",
                RoutingHttp.ADMIN_TOKEN);
    }

    private Response send(HttpMethod method, String path, String body, String contentType, String token) {
        return send(method, path, body, contentType, token, "*/*");
    }

    private Response send(HttpMethod method, String path, String body, String contentType, String token,
                          String accept) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(method).uri(path)
                .header("Authorization", "Bearer " + token).header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", contentType).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }

    private long version() {
        return jdbc.sql("select version from routing.registry_version").query(Long.class).single();
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response.json();
    }
}
