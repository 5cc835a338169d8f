package dev.switchboard.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.contracts.routing.ModelCapabilities;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.ProviderTimeouts;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutePlanIntegrationTests {

    private static final String PROVIDER = """
            {"type":"openai","baseUrl":"http://127.0.0.1:18080/v1","credentialRef":"MOCK_OPENAI_KEY"}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_route_plan_tests");
    }

    @LocalServerPort
    int port;

    RoutingHttp http;

    @BeforeEach
    void seedProvider() {
        http = new RoutingHttp(port);
        assertThat(http.admin(PUT, "/api/v1/providers/mock-openai", PROVIDER).status()).isEqualTo(200);
    }

    @Test
    void plansSeededModelWithExactCandidateAndPrices() {
        putModel("gpt-4o-mini", """
                {"inputPerMillion":"0.15","cachedInputPerMillion":"0.075","outputPerMillion":"0.60"}""");

        Response response = plan("team-1", "gpt-4o-mini");

        assertThat(response.status()).isEqualTo(200);
        RoutePlan plan = response.as(RoutePlan.class);
        assertThat(plan.routeId()).isEqualTo("model:gpt-4o-mini");
        assertThat(plan.requestedModel()).isEqualTo("gpt-4o-mini");
        assertThat(plan.reason()).isEqualTo("explicit model");
        assertThat(plan.registryVersion()).isEqualTo(registryVersion());
        assertThat(plan.candidates()).hasSize(1);
        RouteCandidate candidate = plan.candidates().get(0);
        String priceVersion = candidate.price().priceVersion();
        assertThat(priceVersion).matches("price-\\d+");
        // BigDecimal.equals compares scale too, so this proves the decimals travelled exactly as written
        assertThat(candidate).isEqualTo(new RouteCandidate("mock-openai", "openai", "http://127.0.0.1:18080/v1",
                "MOCK_OPENAI_KEY", "gpt-4o-mini", "gpt-4o-mini", "2024-07-18",
                new ModelPrice(priceVersion, new BigDecimal("0.15"), new BigDecimal("0.075"),
                        new BigDecimal("0.60")),
                new ModelCapabilities(128_000, 4096, false, false, false, "none"), ProviderTimeouts.DEFAULTS));
    }

    @Test
    void keepsDecimalsThatADoubleWouldRound() {
        // 123456789.123456789012 has 21 significant digits; a double keeps about 16
        putModel("precise", """
                {"inputPerMillion":123456789.123456789012,"outputPerMillion":"0.000000000001"}""");

        ModelPrice price = plan("team-1", "precise").as(RoutePlan.class).candidates().get(0).price();

        assertThat(price.inputPerMillion()).isEqualTo(new BigDecimal("123456789.123456789012"));
        assertThat(price.cachedInputPerMillion()).isNull();
        assertThat(price.outputPerMillion()).isEqualByComparingTo("0.000000000001");
    }

    @Test
    void answersUnknownModelWithNotFound() {
        Response response = plan("team-1", "no-such-model");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("not_found");
        assertThat(response.json().get("message").asString())
                .isEqualTo("The model 'no-such-model' does not exist or you do not have access to it.");
    }

    @Test
    void answersDisabledModelLikeAnUnknownOne() {
        assertThat(http.admin(PUT, "/api/v1/models/switched-off", """
                {"provider":"mock-openai","version":"1","enabled":false}""").status()).isEqualTo(200);

        Response response = plan("team-1", "switched-off");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asString())
                .isEqualTo("The model 'switched-off' does not exist or you do not have access to it.");
    }

    @Test
    void servesModelWithoutPriceWithNullPrice() {
        assertThat(http.admin(PUT, "/api/v1/models/unpriced", """
                {"provider":"mock-openai","upstreamModel":"local-llama","version":"1"}""").status()).isEqualTo(200);

        Response response = plan("team-1", "unpriced");

        assertThat(response.status()).isEqualTo(200);
        RouteCandidate candidate = response.as(RoutePlan.class).candidates().get(0);
        assertThat(candidate.upstreamModel()).isEqualTo("local-llama");
        assertThat(candidate.price()).isNull();
    }

    @Test
    void rejectsBlankModel() {
        Response response = http.internal(POST, "/internal/v1/route-plans", """
                {"teamId":"team-1","model":"  "}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("message").asString()).isEqualTo("model: must not be blank");
    }

    @Test
    void planUsesNewPriceVersionAfterPriceChange() {
        putModel("repriced", """
                {"inputPerMillion":"1","outputPerMillion":"2"}""");
        ModelPrice before = plan("team-1", "repriced").as(RoutePlan.class).candidates().get(0).price();

        putModel("repriced", """
                {"inputPerMillion":"0.5","outputPerMillion":"2"}""");
        RoutePlan after = plan("team-1", "repriced").as(RoutePlan.class);

        ModelPrice price = after.candidates().get(0).price();
        assertThat(price.priceVersion()).isNotEqualTo(before.priceVersion());
        assertThat(price.inputPerMillion()).isEqualTo(new BigDecimal("0.5"));
        assertThat(after.registryVersion()).isEqualTo(registryVersion());
    }

    @Test
    void identicalPutKeepsPriceVersion() {
        putModel("stable", """
                {"inputPerMillion":"0.60","outputPerMillion":"2"}""");
        String before = plan("team-1", "stable").as(RoutePlan.class).candidates().get(0).price().priceVersion();

        // 0.6 and 0.60 are the same amount: no new price row
        putModel("stable", """
                {"inputPerMillion":0.6,"outputPerMillion":"2.00"}""");

        ModelPrice after = plan("team-1", "stable").as(RoutePlan.class).candidates().get(0).price();
        assertThat(after.priceVersion()).isEqualTo(before);
        assertThat(after.inputPerMillion()).isEqualTo(new BigDecimal("0.60"));
    }

    @Test
    void routesModelNamesWithSlashes() {
        putModel("meta-llama/Llama-3.1-8B-Instruct", """
                {"inputPerMillion":"0.1","outputPerMillion":"0.2"}""");

        RoutePlan plan = plan("team-1", "meta-llama/Llama-3.1-8B-Instruct").as(RoutePlan.class);

        assertThat(plan.routeId()).isEqualTo("model:meta-llama/Llama-3.1-8B-Instruct");
    }

    @Test
    void registryVersionGrowsWithEachAdminChange() {
        long before = registryVersion();

        putModel("versioned", """
                {"inputPerMillion":"1","outputPerMillion":"1"}""");
        assertThat(registryVersion()).isEqualTo(before + 1);
        assertThat(http.admin(PUT, "/api/v1/providers/mock-openai", PROVIDER).status()).isEqualTo(200);
        assertThat(registryVersion()).isEqualTo(before + 2);
    }

    @Test
    void resolvesAliasToItsModelsCandidates() {
        putModel("gpt-4o-mini", """
                {"inputPerMillion":"0.15","outputPerMillion":"0.60"}""");
        assertThat(http.admin(PUT, "/api/v1/aliases/fast", "{\"model\":\"gpt-4o-mini\"}").status()).isEqualTo(200);

        Response response = plan("team-1", "fast");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        RoutePlan plan = response.as(RoutePlan.class);
        assertThat(plan.routeId()).isEqualTo("alias:fast");
        assertThat(plan.requestedModel()).isEqualTo("fast");
        assertThat(plan.reason()).isEqualTo("alias fast -> gpt-4o-mini");
        assertThat(plan.registryVersion()).isEqualTo(registryVersion());
        assertThat(plan.candidates()).containsExactlyElementsOf(
                plan("team-1", "gpt-4o-mini").as(RoutePlan.class).candidates());
    }

    @Test
    void aliasFollowsItsModelWhenRepointed() {
        putModel("small", """
                {"inputPerMillion":"1","outputPerMillion":"1"}""");
        putModel("large", """
                {"inputPerMillion":"5","outputPerMillion":"5"}""");
        http.admin(PUT, "/api/v1/aliases/smart", "{\"model\":\"small\"}");
        http.admin(PUT, "/api/v1/aliases/smart", "{\"model\":\"large\"}");

        RoutePlan plan = plan("team-1", "smart").as(RoutePlan.class);

        assertThat(plan.candidates().get(0).model()).isEqualTo("large");
        assertThat(plan.reason()).isEqualTo("alias smart -> large");
    }

    @Test
    void answersAliasOfDisabledModelLikeAnUnknownModel() {
        assertThat(http.admin(PUT, "/api/v1/models/paused", """
                {"provider":"mock-openai","version":"1"}""").status()).isEqualTo(200);
        http.admin(PUT, "/api/v1/aliases/paused-alias", "{\"model\":\"paused\"}");
        http.admin(PUT, "/api/v1/models/paused", """
                {"provider":"mock-openai","version":"1","enabled":false}""");

        Response response = plan("team-1", "paused-alias");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asString())
                .isEqualTo("The model 'paused-alias' does not exist or you do not have access to it.");
    }

    @Test
    void refusesPlanWithoutServiceToken() {
        Response response = http.anonymous(POST, "/internal/v1/route-plans", """
                {"teamId":"team-1","model":"gpt-4o-mini"}""");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).isEqualTo("authentication");
    }

    @Test
    void refusesRegistryVersionWithAdminTokenInsteadOfServiceToken() {
        assertThat(http.admin(GET, "/internal/v1/registry/version", null).status()).isEqualTo(401);
    }

    private void putModel(String name, String priceJson) {
        Response response = http.admin(PUT, "/api/v1/models/" + name, """
                {"provider":"mock-openai","upstreamModel":"%s","version":"2024-07-18","price":%s}"""
                .formatted(name, priceJson));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private Response plan(String teamId, String model) {
        return http.internal(POST, "/internal/v1/route-plans", """
                {"teamId":"%s","model":"%s"}""".formatted(teamId, model));
    }

    private long registryVersion() {
        Response response = http.internal(GET, "/internal/v1/registry/version", null);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("version").asLong();
    }
}
