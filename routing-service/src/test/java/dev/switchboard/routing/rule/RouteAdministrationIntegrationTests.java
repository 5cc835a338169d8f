package dev.switchboard.routing.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RegistryFixture;
import dev.switchboard.routing.RegistryIntegrationTest;
import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

class RouteAdministrationIntegrationTests extends RegistryIntegrationTest {

    private static final String BILLING = """
            {"position":10,"description":"billing is pinned","match":{"team":"billing","tags":{"env":"prod"}},
             "strategy":"model","target":"smart-model","fallbacks":["fast"],"cache":{"enabled":false},
             "guardrails":["pii-redact"],"rateLimit":{"requestsPerMinute":100},
             "resilience":{"maxAttempts":2,"hedgeAfterMillis":800}}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_route_admin_tests");
    }

    @BeforeEach
    void seed() {
        registry.model("smart-model", "1", "1", "");
        registry.model("fast-model", "1", "1", "");
        registry.alias("fast", "fast-model");
    }

    @Test
    void putStoresTheRuleAndGetAndListShowItInPositionOrder() {
        JsonNode created = registry.route("billing", BILLING);
        registry.route("first", """
                {"position":5,"strategy":"cheapest","pool":["fast","smart-model"]}""");

        assertThat(created.get("name").asString()).isEqualTo("billing");
        assertThat(created.get("position").asInt()).isEqualTo(10);
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(created.get("match").get("tags").get("env").asString()).isEqualTo("prod");
        assertThat(created.get("fallbacks").get(0).asString()).isEqualTo("fast");
        assertThat(created.get("cache").get("enabled").asBoolean()).isFalse();
        assertThat(http.admin(GET, "/api/v1/routes/billing", null).json()).isEqualTo(created);
        JsonNode list = http.admin(GET, "/api/v1/routes", null).json();
        assertThat(list).extracting(route -> route.get("name").asString()).containsExactly("first", "billing");
    }

    @Test
    void everyChangeBumpsTheVersionAndWritesAnAuditEntryWithBeforeAndAfter() {
        long before = version();
        JsonNode created = registry.route("audited", BILLING);
        JsonNode updated = registry.route("audited", BILLING.replace("\"position\":10", "\"position\":11"));
        assertThat(http.admin(DELETE, "/api/v1/routes/audited", null).status()).isEqualTo(204);

        assertThat(version()).isEqualTo(before + 3);
        JsonNode entries = http.admin(GET, "/api/v1/audit?entityType=route&entityId=audited", null).json();
        assertThat(entries).extracting(entry -> entry.get("action").asString())
                .containsExactly("delete", "update", "create");
        assertThat(entries.get(2).get("after")).isEqualTo(created);
        assertThat(entries.get(2).at("/after/resilience/hedgeAfterMillis").asLong()).isEqualTo(800L);
        assertThat(entries.get(1).get("before")).isEqualTo(created);
        assertThat(entries.get(1).get("after")).isEqualTo(updated);
        assertThat(entries.get(0).get("before")).isEqualTo(updated);
        assertThat(http.admin(GET, "/api/v1/routes/audited", null).status()).isEqualTo(404);
    }

    @Test
    void aTakenPositionIsAConflictNamingTheHolderAndChangesNothing() {
        registry.route("billing", BILLING);
        long before = version();

        Response response = http.admin(PUT, "/api/v1/routes/other", """
                {"position":10,"strategy":"alias","target":"fast"}""");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("message").asString()).startsWith("position 10 is taken by route 'billing'");
        assertThat(version()).isEqualTo(before);
        assertThat(http.admin(GET, "/api/v1/audit?entityType=route&entityId=other", null).json()).isEmpty();
    }

    @Test
    void rejectsWhatEachStrategyDoesNotTake() {
        assertInvalid("{\"position\":1,\"strategy\":\"random\"}",
                "strategy: must be one of model, alias, cheapest, fastest, split");
        assertInvalid("{\"position\":1,\"strategy\":\"model\"}", "target: required for strategy model");
        assertInvalid("{\"position\":1,\"strategy\":\"model\",\"target\":\"fast\"}",
                "target: 'fast' is an alias; use strategy alias");
        assertInvalid("{\"position\":1,\"strategy\":\"alias\",\"target\":\"nope\"}", "target: no such alias 'nope'");
        assertInvalid("{\"position\":1,\"strategy\":\"model\",\"target\":\"smart-model\",\"pool\":[\"fast\"]}",
                "pool: only strategies cheapest and fastest take a pool");
        assertInvalid("{\"position\":1,\"strategy\":\"cheapest\",\"target\":\"smart-model\"}",
                "target: only strategies model and alias take a target");
        assertInvalid("{\"position\":1,\"strategy\":\"split\"}", "split: strategy split needs arms");
        assertInvalid("{\"strategy\":\"cheapest\"}", "position: must not be null");
    }

    @Test
    void rejectsNamesThatDoNotExistAndRepeatsWithTheirFieldPaths() {
        assertInvalid("{\"position\":1,\"strategy\":\"fastest\",\"pool\":[\"fast\",\"ghost\",\"fast-model\"]}",
                "pool[1]: no such model or alias 'ghost'; pool[2]: 'fast-model' repeats pool[0]");
        assertInvalid("""
                {"position":1,"strategy":"model","target":"smart-model","fallbacks":["fast","fast","missing"]}""",
                "fallbacks[1]: 'fast' repeats fallbacks[0]; fallbacks[2]: no such model or alias 'missing'");
        assertInvalid("""
                {"position":1,"strategy":"model","target":"smart-model","fallbacks":["smart-model"]}""",
                "fallbacks[0]: 'smart-model' is the route's own target; failing over to it would form a cycle");
        assertInvalid("""
                {"position":1,"strategy":"split","split":{"arms":[{"target":"fast","weight":1},
                 {"target":"nobody","weight":1}]}}""", "split.arms[1].target: no such model or alias 'nobody'");
    }

    @Test
    void rejectsBadSplitsCacheAndMatchesWithTheirFieldPaths() {
        assertInvalid("""
                {"position":1,"strategy":"split","split":{"arms":[{"target":"fast","weight":1}]}}""",
                "split.arms: a split needs 2 to 10 arms");
        assertInvalid("""
                {"position":1,"strategy":"split","split":{"stickyBy":"ip","arms":[{"target":"fast","weight":0},
                 {"target":"smart-model","weight":-3}]}}""",
                "split.arms[0].weight: must be greater than 0; split.arms[1].weight: must be greater than 0; "
                        + "split.stickyBy: must be user or request");
        assertInvalid("{\"position\":1,\"strategy\":\"alias\",\"target\":\"fast\",\"cache\":{\"enabled\":true,"
                + "\"ttlSeconds\":0}}", "cache.ttlSeconds: must be greater than 0");
        assertInvalid("{\"position\":1,\"strategy\":\"alias\",\"target\":\"fast\",\"cache\":{\"enabled\":false,"
                + "\"ttlSeconds\":60}}", "cache.ttlSeconds: only with enabled true");
        assertInvalid("{\"position\":1,\"strategy\":\"alias\",\"target\":\"fast\",\"match\":{\"team\":\"a b\"}}",
                "match.team: must be * or 1 to 128 letters, digits, '.', '_', ':' or '-'");
        assertInvalid("{\"position\":1,\"strategy\":\"alias\",\"target\":\"fast\",\"match\":{\"tags\":{\"a b\":\"x\"}}}",
                "match.tags.a b: tag keys are 1 to 64 letters, digits, '.', '_' or '-'");
        assertInvalid("{\"position\":1,\"strategy\":\"alias\",\"target\":\"fast\",\"guardrails\":[\"PII\"]}",
                "guardrails[0]: must be 1 to 63 lower-case letters, digits and '-'");
        assertInvalid("{\"position\":-1,\"strategy\":\"alias\",\"target\":\"fast\"}",
                "position: must be greater than or equal to 0");
    }

    @Test
    void storesResilienceAndRejectsBadAttemptCapsAndHedgesWithTheirFieldPaths() {
        JsonNode created = registry.route("hedged", """
                {"position":2,"strategy":"alias","target":"fast","resilience":{"maxAttempts":3,"hedgeAfterMillis":1500}}""");
        assertThat(created.at("/resilience/maxAttempts").asInt()).isEqualTo(3);
        assertThat(created.at("/resilience/hedgeAfterMillis").asLong()).isEqualTo(1500L);

        String rule = "{\"position\":1,\"strategy\":\"alias\",\"target\":\"fast\",\"resilience\":%s}";
        assertInvalid(rule.formatted("{\"maxAttempts\":0}"),
                "resilience.maxAttempts: must be greater than or equal to 1");
        assertInvalid(rule.formatted("{\"maxAttempts\":11}"),
                "resilience.maxAttempts: must be less than or equal to 10");
        assertInvalid(rule.formatted("{\"maxAttempts\":2,\"hedgeAfterMillis\":10}"),
                "resilience.hedgeAfterMillis: must be greater than or equal to 50");
        assertInvalid(rule.formatted("{\"hedgeAfterMillis\":600001}"),
                "resilience.hedgeAfterMillis: must be less than or equal to 600000");
        assertInvalid(rule.formatted("{\"maxAttempts\":1,\"hedgeAfterMillis\":1500}"),
                "resilience.hedgeAfterMillis: hedging needs maxAttempts of at least 2");
    }

    @Test
    void rejectsBadRouteNames() {
        Response response = http.admin(PUT, "/api/v1/routes/Bad_Name", "{\"position\":1,\"strategy\":\"cheapest\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).startsWith("name: route names are 1 to 63");
    }

    @Test
    void modelsAndAliasesARouteNamesCannotBeDeleted() {
        registry.route("billing", BILLING);

        Response model = http.admin(DELETE, "/api/v1/models/smart-model", null);
        Response alias = http.admin(DELETE, "/api/v1/aliases/fast", null);

        assertThat(model.status()).isEqualTo(409);
        assertThat(model.json().get("message").asString())
                .isEqualTo("model 'smart-model' is still used by route billing; change them first");
        assertThat(alias.status()).isEqualTo(409);
        assertThat(alias.json().get("message").asString())
                .isEqualTo("alias 'fast' is still used by route billing; change them first");
        assertThat(http.admin(DELETE, "/api/v1/routes/billing", null).status()).isEqualTo(204);
        assertThat(http.admin(DELETE, "/api/v1/aliases/fast", null).status()).isEqualTo(204);
    }

    private void assertInvalid(String body, String message) {
        long before = version();
        Response response = http.admin(PUT, "/api/v1/routes/checked", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("message").asString()).isEqualTo(message);
        assertThat(version()).isEqualTo(before);
    }

    private long version() {
        return http.internal(GET, "/internal/v1/registry/version", null).json().get("version").asLong();
    }
}
