package dev.switchboard.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;

import dev.switchboard.contracts.routing.RegistryState;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RouteExplanation.Consideration;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePolicy;
import dev.switchboard.contracts.routing.ProviderTimeouts;
import dev.switchboard.routing.RegistryFixture;
import dev.switchboard.routing.RegistryIntegrationTest;
import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

class RouteRulePlanIntegrationTests extends RegistryIntegrationTest {

    private static final String TOOLS = ",\"supportsTools\":true";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_rule_plan_tests");
    }

    @BeforeEach
    void threeModelsAndTimeoutsOnP1() {
        registry.provider("p1", ",\"timeouts\":{\"connectMillis\":2000,\"totalMillis\":60000}");
        registry.model("a", "1", "1", "");
        registry.model("b", "2", "2", "");
        registry.model("c", "3", "3", "");
    }

    @Test
    void firstMatchingRuleByPositionWinsAndTeamPinsComeFirst() {
        registry.route("everyone", rule(20, "\"team\":\"*\"", "c"));
        registry.route("billing-pin", rule(10, "\"team\":\"billing\"", "b"));

        RoutePlan billing = plan("billing", "a", null, "{}", "{}");
        RoutePlan other = plan("search", "a", null, "{}", "{}");

        assertThat(billing.routeId()).isEqualTo("rule:billing-pin");
        assertThat(billing.candidates()).extracting(RouteCandidate::model).containsExactly("b");
        assertThat(billing.explanation().rule()).isEqualTo("billing-pin");
        assertThat(billing.explanation().strategy()).isEqualTo("model");
        assertThat(billing.reason()).isEqualTo("rule billing-pin: model b");
        assertThat(other.routeId()).isEqualTo("rule:everyone");
        assertThat(other.candidates()).extracting(RouteCandidate::model).containsExactly("c");
    }

    @Test
    void matchesTheRequestedNameWhetherModelOrAlias() {
        registry.alias("fast", "a");
        registry.route("fast-override", rule(10, "\"model\":\"fast\"", "b"));

        assertThat(plan("t", "fast", null, "{}", "{}").candidates()).extracting(RouteCandidate::model)
                .containsExactly("b");
        RoutePlan direct = plan("t", "a", null, "{}", "{}");
        assertThat(direct.routeId()).isEqualTo("model:a");
        assertThat(direct.explanation().rule()).isNull();
        assertThat(direct.explanation().considered()).extracting(Consideration::verdict).containsExactly("selected");
    }

    @Test
    void matchesTaskAndAllTagsAndIgnoresOtherTags() {
        registry.route("summaries", rule(10, "\"task\":\"summarize\",\"tags\":{\"env\":\"prod\"}", "b"));

        assertThat(plan("t", "a", "summarize", "{\"env\":\"prod\",\"trace\":\"x1\"}", "{}").routeId())
                .isEqualTo("rule:summaries");
        assertThat(plan("t", "a", "summarize", "{\"env\":\"dev\"}", "{}").routeId()).isEqualTo("model:a");
        assertThat(plan("t", "a", null, "{\"env\":\"prod\"}", "{}").routeId()).isEqualTo("model:a");
        assertThat(plan("t", "a", "translate", "{\"env\":\"prod\"}", "{}").routeId()).isEqualTo("model:a");
    }

    @Test
    void wildcardsMatchAnythingAndARuleCanServeANameTheRegistryDoesNotHave() {
        registry.route("catch-all", rule(10, "\"team\":\"*\",\"model\":\"*\",\"task\":\"*\"", "c"));

        RoutePlan plan = plan("any-team", "gpt-5-preview", "chat", "{}", "{}");

        assertThat(plan.routeId()).isEqualTo("rule:catch-all");
        assertThat(plan.requestedModel()).isEqualTo("gpt-5-preview");
        assertThat(plan.candidates()).extracting(RouteCandidate::model).containsExactly("c");
    }

    @Test
    void skipsDisabledRules() {
        registry.route("paused", """
                {"position":10,"enabled":false,"strategy":"model","target":"b"}""");

        assertThat(plan("t", "a", null, "{}", "{}").routeId()).isEqualTo("model:a");
    }

    @Test
    void aliasStrategyServesTheAliasTargetAndSaysSo() {
        registry.alias("smart", "c");
        registry.route("smart-for-all", """
                {"position":10,"strategy":"alias","target":"smart"}""");

        RoutePlan plan = plan("t", "a", null, "{}", "{}");

        assertThat(plan.candidates()).extracting(RouteCandidate::model).containsExactly("c");
        assertThat(plan.reason()).isEqualTo("rule smart-for-all: alias smart -> c");
        assertThat(plan.explanation().strategy()).isEqualTo("alias");
    }

    @Test
    void cheapestCapableRefusesCheaperModelsThatLackANeededCapability() {
        registry.model("cheap-plain", "0.1", "0.1", "");
        registry.model("mid-tools", "0.5", "0.5", TOOLS + ",\"supportsStructuredOutput\":true");
        registry.model("dear-all", "5", "5", TOOLS + ",\"supportsStructuredOutput\":true,\"supportsVision\":true");
        registry.route("cheap", """
                {"position":10,"strategy":"cheapest","pool":["dear-all","cheap-plain","mid-tools"]}""");

        RoutePlan anything = plan("t", "x", null, "{}", "{}");
        RoutePlan tools = plan("t", "x", null, "{}", "{\"tools\":true}");
        RoutePlan json = plan("t", "x", null, "{}", "{\"structuredOutput\":true}");
        RoutePlan vision = plan("t", "x", null, "{}", "{\"vision\":true,\"tools\":true}");

        assertThat(anything.candidates()).extracting(RouteCandidate::model)
                .containsExactly("cheap-plain", "mid-tools", "dear-all");
        assertThat(anything.reason()).isEqualTo("rule cheap: cheapest capable -> cheap-plain");
        assertThat(tools.candidates()).extracting(RouteCandidate::model).containsExactly("mid-tools", "dear-all");
        assertThat(verdict(tools, "cheap-plain")).isEqualTo(new Consideration("cheap-plain", "p1", "rejected",
                "lacks tools"));
        assertThat(verdict(tools, "mid-tools").reason())
                .isEqualTo("cheapest capable: $1 per 1M tokens (input + output)");
        assertThat(json.candidates()).extracting(RouteCandidate::model).containsExactly("mid-tools", "dear-all");
        assertThat(vision.candidates()).extracting(RouteCandidate::model).containsExactly("dear-all");
        assertThat(verdict(vision, "mid-tools").reason()).isEqualTo("lacks vision");
    }

    @Test
    void cheapestWithoutPoolRanksEveryEnabledModelAndUnpricedLast() {
        registry.model("free-ish", null, null, "");
        registry.model("off", "0.01", "0.01", ",\"enabled\":false");
        registry.route("cheap", """
                {"position":10,"strategy":"cheapest"}""");

        RoutePlan plan = plan("t", "x", null, "{}", "{}");

        // the cap of 5 candidates keeps the unpriced one out; the explanation says so
        assertThat(plan.candidates()).extracting(RouteCandidate::model).containsExactly("a", "b", "c", "free-ish");
        assertThat(plan.explanation().considered()).extracting(Consideration::model).doesNotContain("off");
        assertThat(verdict(plan, "free-ish").reason()).isEqualTo("cheapest capable: no price, ranked last");
    }

    @Test
    void cheapestRefusesAModelWhoseContextWindowIsTooSmallForTheRequest() {
        registry.model("tiny", "0.01", "0.01", ",\"contextWindow\":8192,\"maxOutputTokens\":1024");
        registry.route("cheap", """
                {"position":10,"strategy":"cheapest","pool":["tiny","b"]}""");

        JsonNode small = registry.dryRun("{\"teamId\":\"t\",\"model\":\"x\",\"inputTokens\":1000}");
        JsonNode large = registry.dryRun("""
                {"teamId":"t","model":"x","inputTokens":9000,"maxOutputTokens":500}""");

        assertThat(small.get("servedModel").asString()).isEqualTo("tiny");
        assertThat(large.get("servedModel").asString()).isEqualTo("b");
        assertThat(large.get("candidates")).hasSize(1);
        assertThat(consideration(large, "tiny").get("verdict").asString()).isEqualTo("rejected");
        assertThat(consideration(large, "tiny").get("reason").asString())
                .isEqualTo("context window 8192 < 9500 tokens needed");
        assertThat(large.get("routeId").asString()).isEqualTo("rule:cheap");
        assertThat(large.get("plan").get("candidates")).hasSize(2);
    }

    @Test
    void chatAndEmbeddingRequestsAreOnlyEverServedByModelsOfTheirKind() {
        registry.model("embed-cheap", "0.01", "0", ",\"kind\":\"embedding\"");
        registry.model("embed-dear", "0.1", "0", ",\"kind\":\"embedding\"");
        registry.route("billing-pin", rule(5, "\"team\":\"billing\"", "b"));
        registry.route("cheap-chat", """
                {"position":10,"match":{"model":"auto"},"strategy":"cheapest"}""");
        registry.route("cheap-embed", """
                {"position":20,"match":{"model":"auto-embed","operation":"embedding"},"strategy":"cheapest"}""");

        RoutePlan chat = plan("t", "auto", null, "{}", "{}");
        JsonNode embed = registry.dryRun("""
                {"teamId":"t","model":"auto-embed","operation":"embedding"}""");
        JsonNode pinnedTeamEmbedding = registry.dryRun("""
                {"teamId":"billing","model":"embed-dear","operation":"embedding"}""");
        Response chatToEmbeddingModel = registry.plan("""
                {"teamId":"t","model":"embed-cheap"}""");

        assertThat(chat.candidates()).extracting(RouteCandidate::model).containsExactly("a", "b", "c");
        assertThat(chat.explanation().considered()).extracting(Consideration::model)
                .doesNotContain("embed-cheap", "embed-dear");
        assertThat(embed.get("servedModel").asString()).isEqualTo("embed-cheap");
        assertThat(embed.get("candidates")).hasSize(2);
        assertThat(pinnedTeamEmbedding.get("routeId").asString()).isEqualTo("model:embed-dear");
        assertThat(chatToEmbeddingModel.status()).isEqualTo(400);
        assertThat(chatToEmbeddingModel.json().get("message").asString())
                .isEqualTo("model: 'embed-cheap' is not a chat model");
    }

    @Test
    void aFallbackOfTheWrongKindIsRejectedWithItsReason() {
        registry.model("embed", "0.01", "0", ",\"kind\":\"embedding\"");
        registry.route("odd", """
                {"position":10,"strategy":"model","target":"a","fallbacks":["embed","b"]}""");

        RoutePlan plan = plan("t", "x", null, "{}", "{}");

        assertThat(plan.candidates()).extracting(RouteCandidate::model).containsExactly("a", "b");
        assertThat(verdict(plan, "embed")).isEqualTo(new Consideration("embed", "p1", "rejected",
                "an embedding model cannot serve chat requests"));
    }

    @Test
    void dryRunSaysSoWhenNothingFits() {
        registry.model("tiny", "0.01", "0.01", ",\"contextWindow\":8192,\"maxOutputTokens\":1024");

        JsonNode answer = registry.dryRun("{\"teamId\":\"t\",\"model\":\"tiny\",\"inputTokens\":50000}");

        assertThat(answer.get("nothingFits").asBoolean()).isTrue();
        assertThat(answer.get("servedModel").isNull()).isTrue();
        assertThat(answer.get("candidates")).isEmpty();
        assertThat(answer.get("summary").asString()).startsWith("no candidate can serve this request");
        assertThat(consideration(answer, "tiny").get("reason").asString())
                .isEqualTo("context window 8192 < 50000 tokens needed");
    }

    @Test
    void explicitModelLackingACapabilityIsServedAsAskedAndOnlyCapableFallbacksFollow() {
        registry.model("tools-fallback", "1", "1", TOOLS);
        registry.model("primary", "1", "1", ",\"fallbacks\":[\"a\",\"tools-fallback\"]");

        RoutePlan plan = plan("t", "primary", null, "{}", "{\"tools\":true}");

        assertThat(plan.candidates()).extracting(RouteCandidate::model).containsExactly("primary", "tools-fallback");
        assertThat(plan.reason()).isEqualTo("explicit model; lacks tools, served as asked");
        assertThat(verdict(plan, "primary").reason()).isEqualTo("explicit model; lacks tools, served as asked");
        assertThat(verdict(plan, "a")).isEqualTo(new Consideration("a", "p1", "rejected", "lacks tools"));
        assertThat(verdict(plan, "tools-fallback").verdict()).isEqualTo("fallback");
        assertThat(verdict(plan, "tools-fallback").reason()).isEqualTo("model fallback of primary");
    }

    @Test
    void routeFallbacksComeBeforeModelFallbacksAndTheListIsCapped() {
        registry.model("f", "1", "1", "");
        registry.model("e", "1", "1", ",\"fallbacks\":[\"f\"]");
        registry.model("d", "1", "1", ",\"fallbacks\":[\"e\"]");
        registry.model("chain", "1", "1", ",\"fallbacks\":[\"d\",\"a\"]");
        registry.route("chained", """
                {"position":10,"strategy":"model","target":"chain","fallbacks":["c","a"]}""");

        RoutePlan plan = plan("t", "x", null, "{}", "{}");

        assertThat(plan.candidates()).extracting(RouteCandidate::model).containsExactly("chain", "c", "a", "d", "e");
        assertThat(verdict(plan, "c").reason()).isEqualTo("route fallback");
        assertThat(verdict(plan, "f")).isEqualTo(new Consideration("f", "p1", "rejected",
                "beyond the limit of 5 candidates"));
    }

    @Test
    void disabledProviderModelsAreRejectedAndFailoverServes() {
        registry.provider("p2", ",\"enabled\":false");
        assertThat(http.admin(org.springframework.http.HttpMethod.PUT, "/api/v1/models/on-p2", """
                {"provider":"p2","version":"1","fallbacks":["b"]}""").status()).isEqualTo(200);

        RoutePlan plan = plan("t", "on-p2", null, "{}", "{}");

        assertThat(plan.candidates()).extracting(RouteCandidate::model).containsExactly("b");
        assertThat(verdict(plan, "on-p2")).isEqualTo(new Consideration("on-p2", "p2", "rejected",
                "provider p2 disabled"));
        assertThat(plan.reason()).isEqualTo("explicit model; on-p2 cannot serve, failing over to b");
    }

    @Test
    void candidatesCarryCapabilitiesAndTheirProvidersTimeouts() {
        registry.model("facts", "1", "1", TOOLS + ",\"contextWindow\":32000,\"maxOutputTokens\":2000");

        RouteCandidate candidate = plan("t", "facts", null, "{}", "{}").candidates().get(0);

        assertThat(candidate.timeouts()).isEqualTo(new ProviderTimeouts(2000L, null, null, 60000L));
        assertThat(candidate.capabilities().contextWindow()).isEqualTo(32000);
        assertThat(candidate.capabilities().maxOutputTokens()).isEqualTo(2000);
        assertThat(candidate.capabilities().tools()).isTrue();
        assertThat(candidate.deploymentId()).isEqualTo("p1/facts");
    }

    @Test
    void splitGivesEachArmItsCandidatesAndStaysStickyPerUser() {
        registry.route("ab", """
                {"position":10,"strategy":"split","split":{"stickyBy":"user","arms":[
                 {"target":"a","weight":90},{"target":"b","weight":10}]},"fallbacks":["c"]}""");

        RoutePlan plan = plan("t", "x", null, "{}", "{}");
        assertThat(plan.candidates()).isEmpty();
        assertThat(plan.split().stickyBy()).isEqualTo("user");
        assertThat(plan.split().arms()).extracting(arm -> arm.name() + ":" + arm.weight()).containsExactly("a:90", "b:10");
        assertThat(plan.split().arms().get(1).candidates()).extracting(RouteCandidate::model).containsExactly("b", "c");
        assertThat(plan.reason()).isEqualTo("rule ab: split a 90 / b 10");

        int onA = 0;
        for (int user = 0; user < 200; user++) {
            String body = "{\"teamId\":\"t\",\"model\":\"x\",\"user\":\"user-" + user + "\"}";
            JsonNode first = registry.dryRun(body);
            assertThat(registry.dryRun(body).get("arm")).isEqualTo(first.get("arm"));
            assertThat(first.get("servedModel")).isEqualTo(first.get("arm"));
            onA += "a".equals(first.get("arm").asString()) ? 1 : 0;
        }
        assertThat(onA).isBetween(165, 195);
        // the sticky key wins over the user, like the edge's header
        JsonNode byKey = registry.dryRun("{\"teamId\":\"t\",\"model\":\"x\",\"user\":\"u\",\"stickyKey\":\"k-1\"}");
        assertThat(byKey.get("arm")).isEqualTo(registry.dryRun(
                "{\"teamId\":\"t\",\"model\":\"x\",\"user\":\"other\",\"stickyKey\":\"k-1\"}").get("arm"));
    }

    @Test
    void carriesTheRoutesCacheGuardrailsAndRateLimitIntoThePolicy() {
        registry.route("billing", """
                {"position":10,"match":{"team":"billing"},"strategy":"model","target":"c",
                 "cache":{"enabled":false},"guardrails":["pii-redact"],
                 "rateLimit":{"requestsPerMinute":100,"tokensPerMinute":100000}}""");
        registry.route("summaries", """
                {"position":20,"match":{"task":"summarize"},"strategy":"model","target":"a",
                 "cache":{"enabled":true,"ttlSeconds":3600}}""");

        assertThat(plan("billing", "a", null, "{}", "{}").policy())
                .isEqualTo(new RoutePolicy(false, null, List.of("pii-redact"), 100L, 100000L));
        assertThat(plan("t", "a", "summarize", "{}", "{}").policy())
                .isEqualTo(new RoutePolicy(true, 3600L, List.of(), null, null));
        assertThat(plan("t", "a", null, "{}", "{}").policy()).isEqualTo(RoutePolicy.NONE);
    }

    @Test
    void carriesTheRoutesResilienceIntoThePolicyAndTheDryRunShowsIt() {
        registry.route("hedged", """
                {"position":10,"match":{"team":"hedged"},"strategy":"model","target":"a","fallbacks":["b"],
                 "resilience":{"maxAttempts":3,"hedgeAfterMillis":1500}}""");
        registry.route("capped", """
                {"position":20,"match":{"team":"capped"},"strategy":"model","target":"a",
                 "resilience":{"maxAttempts":1}}""");
        registry.route("plain", """
                {"position":30,"match":{"team":"plain"},"strategy":"model","target":"a",
                 "rateLimit":{"requestsPerMinute":5}}""");

        assertThat(plan("hedged", "a", null, "{}", "{}").policy())
                .isEqualTo(new RoutePolicy(null, null, List.of(), null, null, 3, 1500L));
        assertThat(plan("capped", "a", null, "{}", "{}").policy())
                .isEqualTo(new RoutePolicy(null, null, List.of(), null, null, 1, null));
        RoutePolicy plain = plan("plain", "a", null, "{}", "{}").policy();
        assertThat(plain.maxAttempts()).isNull();
        assertThat(plain.hedgeAfterMillis()).isNull();
        JsonNode dryRun = registry.dryRun("{\"teamId\":\"hedged\",\"model\":\"a\"}");
        assertThat(dryRun.at("/plan/policy/maxAttempts").asInt()).isEqualTo(3);
        assertThat(dryRun.at("/plan/policy/hedgeAfterMillis").asLong()).isEqualTo(1500L);
    }

    @Test
    void registryStateListsTheTagKeysOfEnabledRules() {
        registry.route("r1", rule(10, "\"tags\":{\"tier\":\"gold\",\"env\":\"prod\"}", "a"));
        registry.route("r2", rule(20, "\"tags\":{\"env\":\"dev\"}", "b"));
        registry.route("r3", """
                {"position":30,"enabled":false,"match":{"tags":{"zone":"eu"}},"strategy":"model","target":"c"}""");

        Response response = http.internal(GET, "/internal/v1/registry/version", null);

        RegistryState state = response.as(RegistryState.class);
        assertThat(state.tagKeys()).containsExactly("env", "tier");
        assertThat(state.version()).isEqualTo(plan("t", "a", null, "{}", "{}").registryVersion());
    }

    @Test
    void aRuleChangeIsSeenByTheNextPlan() {
        assertThat(plan("t", "a", null, "{}", "{}").routeId()).isEqualTo("model:a");
        registry.route("now", rule(10, "\"team\":\"t\"", "b"));
        assertThat(plan("t", "a", null, "{}", "{}").routeId()).isEqualTo("rule:now");
    }

    private static String rule(int position, String match, String target) {
        return """
                {"position":%d,"match":{%s},"strategy":"model","target":"%s"}""".formatted(position, match, target);
    }

    private RoutePlan plan(String team, String model, String task, String tags, String requires) {
        String taskJson = task == null ? "null" : "\"" + task + "\"";
        // the edge sends all four flags; the record's booleans are primitives
        String flags = requires.replace("{", "{\"tools\":false,\"structuredOutput\":false,\"vision\":false,"
                + "\"reasoning\":false" + (requires.equals("{}") ? "" : ","));
        Response response = registry.plan("""
                {"teamId":"%s","model":"%s","task":%s,"tags":%s,"requires":%s}"""
                .formatted(team, model, taskJson, tags, flags));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.as(RoutePlan.class);
    }

    private static Consideration verdict(RoutePlan plan, String model) {
        return plan.explanation().considered().stream().filter(c -> c.model().equals(model)).findFirst()
                .orElseThrow(() -> new AssertionError(model + " not considered: " + plan.explanation()));
    }

    private static JsonNode consideration(JsonNode dryRun, String model) {
        for (JsonNode c : dryRun.get("explanation").get("considered")) {
            if (c.get("model").asString().equals(model)) {
                return c;
            }
        }
        throw new AssertionError(model + " not considered: " + dryRun);
    }
}
