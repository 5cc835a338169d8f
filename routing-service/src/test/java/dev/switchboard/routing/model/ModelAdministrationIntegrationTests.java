package dev.switchboard.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelAdministrationIntegrationTests {

    private static final String GPT_4O_MINI = """
            {"provider":"mock-openai","upstreamModel":"gpt-4o-mini","version":"2024-07-18","maxOutputTokens":4096,
             "enabled":true,"price":{"inputPerMillion":"0.15","cachedInputPerMillion":"0.075","outputPerMillion":"0.60"}}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_model_admin_tests");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RoutingHttp http;

    @BeforeEach
    void seedProvider() {
        http = new RoutingHttp(port);
        assertThat(http.admin(PUT, "/api/v1/providers/mock-openai", """
                {"type":"openai","baseUrl":"http://127.0.0.1:18080/v1","credentialRef":"MOCK_OPENAI_KEY"}""")
                .status()).isEqualTo(200);
    }

    @Test
    void putReturnsModelWithPriceInForce() {
        Response response = http.admin(PUT, "/api/v1/models/gpt-4o-mini", GPT_4O_MINI);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode model = response.json();
        assertThat(model.get("name").asString()).isEqualTo("gpt-4o-mini");
        assertThat(model.get("provider").asString()).isEqualTo("mock-openai");
        assertThat(model.get("upstreamModel").asString()).isEqualTo("gpt-4o-mini");
        assertThat(model.get("version").asString()).isEqualTo("2024-07-18");
        assertThat(model.get("maxOutputTokens").asInt()).isEqualTo(4096);
        assertThat(model.get("enabled").asBoolean()).isTrue();
        assertThat(model.get("price").get("priceVersion").asString()).matches("price-\\d+");
        // the raw JSON shows the amounts exactly as they were written, scale included
        assertThat(response.body()).contains("\"inputPerMillion\":0.15", "\"cachedInputPerMillion\":0.075",
                "\"outputPerMillion\":0.60");
        assertThat(http.admin(GET, "/api/v1/models/gpt-4o-mini", null).json()).isEqualTo(model);
    }

    @Test
    void fillsDefaultsForOptionalFields() {
        Response response = http.admin(PUT, "/api/v1/models/defaults", """
                {"provider":"mock-openai","version":"1"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("upstreamModel").asString()).isEqualTo("defaults");
        assertThat(response.json().get("maxOutputTokens").asInt()).isEqualTo(4096);
        assertThat(response.json().get("enabled").asBoolean()).isTrue();
        assertThat(response.json().get("price").isNull()).isTrue();
        assertThat(response.json().get("contextWindow").asInt()).isEqualTo(128000);
        assertThat(response.json().get("supportsTools").asBoolean()).isFalse();
        assertThat(response.json().get("supportsStructuredOutput").asBoolean()).isFalse();
        assertThat(response.json().get("supportsVision").asBoolean()).isFalse();
        assertThat(response.json().get("reasoningTier").asString()).isEqualTo("none");
    }

    @Test
    void storesAndShowsCapabilities() {
        Response response = http.admin(PUT, "/api/v1/models/capable", """
                {"provider":"mock-openai","version":"1","maxOutputTokens":32768,"contextWindow":200000,
                 "supportsTools":true,"supportsStructuredOutput":true,"supportsVision":true,"reasoningTier":"high"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode model = http.admin(GET, "/api/v1/models/capable", null).json();
        assertThat(model).isEqualTo(response.json());
        assertThat(model.get("contextWindow").asInt()).isEqualTo(200000);
        assertThat(model.get("supportsTools").asBoolean()).isTrue();
        assertThat(model.get("supportsStructuredOutput").asBoolean()).isTrue();
        assertThat(model.get("supportsVision").asBoolean()).isTrue();
        assertThat(model.get("reasoningTier").asString()).isEqualTo("high");
        // written as top-level fields, the way the PUT body takes them
        assertThat(model.has("capabilities")).isFalse();
    }

    @Test
    void putWithoutCapabilitiesResetsThemToDefaults() {
        http.admin(PUT, "/api/v1/models/replaced", """
                {"provider":"mock-openai","version":"1","supportsVision":true,"reasoningTier":"low"}""");

        JsonNode model = http.admin(PUT, "/api/v1/models/replaced", """
                {"provider":"mock-openai","version":"1"}""").json();

        assertThat(model.get("supportsVision").asBoolean()).isFalse();
        assertThat(model.get("reasoningTier").asString()).isEqualTo("none");
    }

    @Test
    void rejectsContextWindowThatIsNotPositive() {
        assertValidationError("{\"provider\":\"mock-openai\",\"version\":\"1\",\"contextWindow\":0}",
                "contextWindow: must be greater than 0");
    }

    @Test
    void rejectsUnknownReasoningTier() {
        assertValidationError("{\"provider\":\"mock-openai\",\"version\":\"1\",\"reasoningTier\":\"extreme\"}",
                "reasoningTier: must be one of none, low, medium, high");
    }

    @Test
    void rejectsUnknownKindAndShowsTheKindDefaultingToChat() {
        assertValidationError("{\"provider\":\"mock-openai\",\"version\":\"1\",\"kind\":\"image\"}",
                "kind: must be chat or embedding");

        JsonNode chat = http.admin(PUT, "/api/v1/models/plain", """
                {"provider":"mock-openai","version":"1"}""").json();
        JsonNode embedding = http.admin(PUT, "/api/v1/models/embedder", """
                {"provider":"mock-openai","version":"1","kind":"embedding"}""").json();

        assertThat(chat.get("kind").asString()).isEqualTo("chat");
        assertThat(embedding.get("kind").asString()).isEqualTo("embedding");
        assertThat(http.admin(GET, "/api/v1/models/embedder", null).json().get("kind").asString())
                .isEqualTo("embedding");
    }

    @Test
    void rejectsCapabilityFlagOfTheWrongType() {
        assertValidationError("{\"provider\":\"mock-openai\",\"version\":\"1\",\"supportsVision\":[true]}",
                "supportsVision: has the wrong type or format");
    }

    @Test
    void rejectsMaxOutputTokensBeyondTheContextWindow() {
        assertValidationError("""
                {"provider":"mock-openai","version":"1","maxOutputTokens":8192,"contextWindow":8000}""",
                "maxOutputTokens: must not exceed contextWindow (8000)");
    }

    @Test
    void measuresMaxOutputTokensAgainstTheDefaultContextWindow() {
        assertValidationError("""
                {"provider":"mock-openai","version":"1","maxOutputTokens":128001}""",
                "maxOutputTokens: must not exceed contextWindow (128000)");
    }

    @Test
    void acceptsMaxOutputTokensEqualToTheContextWindow() {
        Response response = http.admin(PUT, "/api/v1/models/full", """
                {"provider":"mock-openai","version":"1","maxOutputTokens":8000,"contextWindow":8000}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void reportsCapabilityErrorsTogetherWithOtherFieldErrors() {
        Response response = http.admin(PUT, "/api/v1/models/many", """
                {"version":"1","maxOutputTokens":9000,"contextWindow":1000,"reasoningTier":"max"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo("maxOutputTokens: must not exceed "
                + "contextWindow (1000); provider: must not be blank; "
                + "reasoningTier: must be one of none, low, medium, high");
    }

    @Test
    void refusesModelNamedLikeAnExistingAlias() {
        http.admin(PUT, "/api/v1/models/gpt-4o-mini", GPT_4O_MINI);
        assertThat(http.admin(PUT, "/api/v1/aliases/fast", "{\"model\":\"gpt-4o-mini\"}").status()).isEqualTo(200);
        long before = registryVersion();

        Response response = http.admin(PUT, "/api/v1/models/fast", GPT_4O_MINI);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("conflict");
        assertThat(response.json().get("message").asString()).startsWith("'fast' is an alias of model 'gpt-4o-mini'");
        assertThat(registryVersion()).isEqualTo(before);
        http.admin(DELETE, "/api/v1/aliases/fast", null);
    }

    @Test
    void refusesToDeleteModelThatAliasesPointAt() {
        http.admin(PUT, "/api/v1/models/aliased", GPT_4O_MINI);
        http.admin(PUT, "/api/v1/aliases/quick", "{\"model\":\"aliased\"}");
        http.admin(PUT, "/api/v1/aliases/cheap", "{\"model\":\"aliased\"}");
        long before = registryVersion();

        Response response = http.admin(DELETE, "/api/v1/models/aliased", null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("message").asString())
                .startsWith("model 'aliased' is the target of aliases cheap, quick;");
        assertThat(registryVersion()).isEqualTo(before);
        assertThat(http.admin(GET, "/api/v1/models/aliased", null).status()).isEqualTo(200);

        http.admin(DELETE, "/api/v1/aliases/quick", null);
        http.admin(DELETE, "/api/v1/aliases/cheap", null);
        assertThat(http.admin(DELETE, "/api/v1/models/aliased", null).status()).isEqualTo(204);
    }

    @Test
    void changedPriceAddsHistoryRowAndIdenticalPriceDoesNot() {
        String first = priceVersionAfterPut("history", "\"1.00\"", "\"2\"");
        String identical = priceVersionAfterPut("history", "1", "2.0");
        String changed = priceVersionAfterPut("history", "\"1.10\"", "\"2\"");

        assertThat(identical).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
        List<BigDecimal> inputs = jdbc.sql("""
                        select input_per_million from routing.model_prices where model_name = 'history' order by id""")
                .query(BigDecimal.class).list();
        assertThat(inputs).containsExactly(new BigDecimal("1.00"), new BigDecimal("1.10"));
    }

    @Test
    void newVersionStartsWithoutPriceWhenNoneIsGiven() {
        priceVersionAfterPut("upgraded", "\"1\"", "\"2\"");

        Response response = http.admin(PUT, "/api/v1/models/upgraded", """
                {"provider":"mock-openai","version":"2"}""");

        assertThat(response.json().get("price").isNull()).isTrue();
    }

    @Test
    void everyChangeBumpsRegistryVersionButFailuresDoNot() {
        long before = registryVersion();

        http.admin(PUT, "/api/v1/models/counted", GPT_4O_MINI);
        assertThat(registryVersion()).isEqualTo(before + 1);
        http.admin(PUT, "/api/v1/models/counted", GPT_4O_MINI);
        assertThat(registryVersion()).isEqualTo(before + 2);
        assertThat(http.admin(DELETE, "/api/v1/models/counted", null).status()).isEqualTo(204);
        assertThat(registryVersion()).isEqualTo(before + 3);

        assertThat(http.admin(DELETE, "/api/v1/models/counted", null).status()).isEqualTo(404);
        assertThat(http.admin(PUT, "/api/v1/models/counted", GPT_4O_MINI.replace("mock-openai", "nobody"))
                .status()).isEqualTo(400);
        assertThat(registryVersion()).isEqualTo(before + 3);
    }

    @Test
    void deletedModelIsGoneButItsPriceHistoryStays() {
        http.admin(PUT, "/api/v1/models/retired", GPT_4O_MINI);

        assertThat(http.admin(DELETE, "/api/v1/models/retired", null).status()).isEqualTo(204);

        Response response = http.admin(GET, "/api/v1/models/retired", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asString()).isEqualTo("model 'retired' does not exist");
        assertThat(jdbc.sql("select count(*) from routing.model_prices where model_name = 'retired'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void handlesModelNamesWithSlashes() {
        String path = "/api/v1/models/meta-llama/Llama-3.1-8B-Instruct";

        assertThat(http.admin(PUT, path, GPT_4O_MINI).status()).isEqualTo(200);
        assertThat(http.admin(GET, path, null).json().get("name").asString())
                .isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(http.admin(GET, "/api/v1/models", null).json().findValuesAsString("name"))
                .contains("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(http.admin(DELETE, path, null).status()).isEqualTo(204);
        assertThat(http.admin(GET, path, null).status()).isEqualTo(404);
    }

    @Test
    void acceptsSlashInModelNameSentPercentEncoded() {
        Response response = http.admin(PUT, "/api/v1/models/{name}", GPT_4O_MINI, "mistralai/Mistral-7B");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(http.admin(GET, "/api/v1/models/mistralai/Mistral-7B", null).json().get("name").asString())
                .isEqualTo("mistralai/Mistral-7B");
    }

    @Test
    void writesTinyPricesWithoutExponent() {
        Response response = http.admin(PUT, "/api/v1/models/tiny", """
                {"provider":"mock-openai","version":"1","price":{"inputPerMillion":1E-7,"outputPerMillion":"1e3"}}""");

        assertThat(response.body()).contains("\"inputPerMillion\":0.0000001", "\"outputPerMillion\":1000");
    }

    @Test
    void rejectsNegativePriceNamingTheField() {
        Response response = http.admin(PUT, "/api/v1/models/negative", GPT_4O_MINI.replace("\"0.15\"", "\"-0.15\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("message").asString())
                .isEqualTo("price.inputPerMillion: must be greater than or equal to 0");
    }

    @Test
    void rejectsPriceThatIsNotADecimal() {
        Response response = http.admin(PUT, "/api/v1/models/wordy", GPT_4O_MINI.replace("\"0.60\"", "\"cheap\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .isEqualTo("price.outputPerMillion: has the wrong type or format");
    }

    @Test
    void rejectsMissingFieldsListingEachOne() {
        Response response = http.admin(PUT, "/api/v1/models/empty", "{\"price\":{}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).contains("provider: must not be blank",
                "version: must not be blank", "price.inputPerMillion: must not be null",
                "price.outputPerMillion: must not be null");
    }

    @Test
    void rejectsMalformedJson() {
        Response response = http.admin(PUT, "/api/v1/models/broken", "{\"provider\": \"mock-openai\",");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo("request body is not valid JSON");
    }

    @Test
    void rejectsUnknownProvider() {
        Response response = http.admin(PUT, "/api/v1/models/orphan", GPT_4O_MINI.replace("mock-openai", "nobody"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).startsWith("provider: provider 'nobody' does not exist");
    }

    @Test
    void rejectsInvalidModelName() {
        Response response = http.admin(PUT, "/api/v1/models/has%20space", GPT_4O_MINI);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).startsWith("name: model names are");
    }

    @Test
    void refusesCallsWithoutAdminToken() {
        assertThat(http.anonymous(GET, "/api/v1/models", null).status()).isEqualTo(401);
        assertThat(http.internal(PUT, "/api/v1/models/sneaky", GPT_4O_MINI).status()).isEqualTo(401);
    }

    private String priceVersionAfterPut(String name, String input, String output) {
        Response response = http.admin(PUT, "/api/v1/models/" + name, """
                {"provider":"mock-openai","version":"1","price":{"inputPerMillion":%s,"outputPerMillion":%s}}"""
                .formatted(input, output));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("price").get("priceVersion").asString();
    }

    private void assertValidationError(String body, String message) {
        long before = registryVersion();
        Response response = http.admin(PUT, "/api/v1/models/invalid", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("message").asString()).isEqualTo(message);
        assertThat(registryVersion()).isEqualTo(before);
        assertThat(http.admin(GET, "/api/v1/models/invalid", null).status()).isEqualTo(404);
    }

    private long registryVersion() {
        return http.internal(GET, "/internal/v1/registry/version", null).json().get("version").asLong();
    }
}
