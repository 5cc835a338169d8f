package dev.switchboard.routing.model;

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

class ModelFallbacksIntegrationTests extends RegistryIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_model_fallback_tests");
    }

    @BeforeEach
    void seed() {
        registry.model("gpt-a", "1", "1", "");
        registry.model("gpt-b", "1", "1", "");
        registry.model("gpt-c", "1", "1", "");
    }

    @Test
    void storesTheFallbacksInOrder() {
        registry.model("gpt-a", "1", "1", ",\"fallbacks\":[\"gpt-c\",\"gpt-b\"]");

        assertThat(http.admin(GET, "/api/v1/models/gpt-a", null).json().get("fallbacks"))
                .extracting(name -> name.asString()).containsExactly("gpt-c", "gpt-b");
        assertThat(http.admin(GET, "/api/v1/models/gpt-b", null).json().get("fallbacks")).isEmpty();
    }

    @Test
    void rejectsACycleAndNamesItsPath() {
        registry.model("gpt-b", "1", "1", ",\"fallbacks\":[\"gpt-a\"]");

        assertInvalid("gpt-a", "[\"gpt-b\"]", "fallbacks[0]: 'gpt-b' would form a cycle gpt-a -> gpt-b -> gpt-a");
    }

    @Test
    void rejectsACycleThroughAnAliasAndALongerChain() {
        registry.alias("first", "gpt-a");
        registry.model("gpt-c", "1", "1", ",\"fallbacks\":[\"first\"]");
        registry.model("gpt-b", "1", "1", ",\"fallbacks\":[\"gpt-c\"]");

        assertInvalid("gpt-a", "[\"gpt-b\"]",
                "fallbacks[0]: 'gpt-b' would form a cycle gpt-a -> gpt-b -> gpt-c -> gpt-a");
    }

    @Test
    void rejectsUnknownSelfAndDuplicateFallbacksWithFieldPaths() {
        registry.alias("b-alias", "gpt-b");

        assertInvalid("gpt-a", "[\"gpt-b\",\"ghost\",\"gpt-a\",\"b-alias\"]",
                "fallbacks[1]: no such model or alias 'ghost'; fallbacks[2]: 'gpt-a' is the model itself; "
                        + "fallbacks[3]: 'b-alias' repeats fallbacks[0] (model gpt-b)");
        assertInvalid("gpt-a", "[\"\"]", "fallbacks[0]: must not be blank");
    }

    @Test
    void repointingAnAliasIntoALoopIsRefused() {
        registry.alias("next", "gpt-b");
        registry.model("gpt-a", "1", "1", ",\"fallbacks\":[\"next\"]");

        Response response = http.admin(PUT, "/api/v1/aliases/next", "{\"model\":\"gpt-a\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .isEqualTo("model: pointing 'next' at 'gpt-a' would form a fallback cycle gpt-a -> gpt-a");
    }

    @Test
    void deletingAModelOthersFallBackToIsAConflictNamingThem() {
        registry.model("gpt-a", "1", "1", ",\"fallbacks\":[\"gpt-c\"]");
        registry.model("gpt-b", "1", "1", ",\"fallbacks\":[\"gpt-c\"]");

        Response response = http.admin(DELETE, "/api/v1/models/gpt-c", null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("message").asString()).isEqualTo(
                "model 'gpt-c' is still used by model gpt-a (fallback), model gpt-b (fallback); change them first");
    }

    @Test
    void rejectsNegativePriceAndUnknownProviderWithFieldPaths() {
        Response negative = http.admin(PUT, "/api/v1/models/gpt-a", """
                {"provider":"p1","version":"1","price":{"inputPerMillion":"-1","outputPerMillion":"1"}}""");
        Response unknown = http.admin(PUT, "/api/v1/models/gpt-a", """
                {"provider":"nowhere","version":"1"}""");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("message").asString())
                .isEqualTo("price.inputPerMillion: must be greater than or equal to 0");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).startsWith("provider: provider 'nowhere' does not exist");
    }

    private void assertInvalid(String model, String fallbacks, String message) {
        Response response = http.admin(PUT, "/api/v1/models/" + model, """
                {"provider":"p1","version":"1","fallbacks":%s}""".formatted(fallbacks));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo(message);
    }
}
