package dev.switchboard.routing.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AliasAdministrationIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_alias_admin_tests");
    }

    @LocalServerPort
    int port;

    RoutingHttp http;

    @BeforeEach
    void seedModels() {
        http = new RoutingHttp(port);
        assertThat(http.admin(PUT, "/api/v1/providers/mock-openai",
                "{\"type\":\"openai\",\"baseUrl\":\"http://127.0.0.1:18080/v1\"}").status()).isEqualTo(200);
        for (String model : new String[] {"gpt-4o-mini", "gpt-4o"}) {
            assertThat(http.admin(PUT, "/api/v1/models/" + model, "{\"provider\":\"mock-openai\",\"version\":\"1\"}")
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void putCreatesAliasAndGetShowsIt() {
        Response response = putAlias("fast", "gpt-4o-mini");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode alias = response.json();
        assertThat(alias.get("name").asString()).isEqualTo("fast");
        assertThat(alias.get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(alias.has("createdAt")).isTrue();
        assertThat(http.admin(GET, "/api/v1/aliases/fast", null).json()).isEqualTo(alias);
    }

    @Test
    void putAgainRepointsTheAlias() {
        putAlias("smart", "gpt-4o-mini");

        Response response = putAlias("smart", "gpt-4o");

        assertThat(response.status()).isEqualTo(200);
        assertThat(http.admin(GET, "/api/v1/aliases/smart", null).json().get("model").asString()).isEqualTo("gpt-4o");
    }

    @Test
    void listsAliasesByName() {
        putAlias("zz-last", "gpt-4o");
        putAlias("aa-first", "gpt-4o-mini");

        Response response = http.admin(GET, "/api/v1/aliases", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsString("name")).containsSubsequence("aa-first", "zz-last");
    }

    @Test
    void deleteRemovesAliasAndAnswersNotFoundTheSecondTime() {
        putAlias("gone", "gpt-4o");

        assertThat(http.admin(DELETE, "/api/v1/aliases/gone", null).status()).isEqualTo(204);

        Response again = http.admin(DELETE, "/api/v1/aliases/gone", null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("message").asString()).isEqualTo("alias 'gone' does not exist");
        assertThat(http.admin(GET, "/api/v1/aliases/gone", null).status()).isEqualTo(404);
    }

    @Test
    void handlesAliasNamesWithSlashes() {
        assertThat(putAlias("team-a/default", "gpt-4o").status()).isEqualTo(200);

        assertThat(http.admin(GET, "/api/v1/aliases/{name}", null, "team-a/default").json().get("name").asString())
                .isEqualTo("team-a/default");
        assertThat(http.admin(DELETE, "/api/v1/aliases/team-a/default", null).status()).isEqualTo(204);
    }

    @Test
    void rejectsUnknownTargetModel() {
        Response response = putAlias("dangling", "no-such-model");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("message").asString()).isEqualTo("model: no such model 'no-such-model'");
    }

    @Test
    void rejectsMissingTargetModel() {
        Response response = http.admin(PUT, "/api/v1/aliases/empty", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo("model: must not be blank");
    }

    @Test
    void rejectsInvalidAliasName() {
        Response response = putAlias("has%20space", "gpt-4o");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).startsWith("name: alias names are 1 to 128");
    }

    @Test
    void refusesAliasNamedLikeAModel() {
        Response response = putAlias("gpt-4o", "gpt-4o-mini");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("conflict");
        assertThat(response.json().get("message").asString())
                .isEqualTo("'gpt-4o' is a model name; an alias cannot take it");
    }

    @Test
    void everyChangeBumpsRegistryVersionButFailuresDoNot() {
        long before = registryVersion();

        putAlias("counted", "gpt-4o");
        assertThat(registryVersion()).isEqualTo(before + 1);
        putAlias("counted", "gpt-4o-mini");
        assertThat(registryVersion()).isEqualTo(before + 2);
        assertThat(http.admin(DELETE, "/api/v1/aliases/counted", null).status()).isEqualTo(204);
        assertThat(registryVersion()).isEqualTo(before + 3);

        assertThat(http.admin(DELETE, "/api/v1/aliases/counted", null).status()).isEqualTo(404);
        assertThat(putAlias("counted", "nobody").status()).isEqualTo(400);
        assertThat(putAlias("gpt-4o", "gpt-4o-mini").status()).isEqualTo(409);
        assertThat(registryVersion()).isEqualTo(before + 3);
    }

    @Test
    void refusesCallsWithoutAdminToken() {
        assertThat(http.anonymous(GET, "/api/v1/aliases", null).status()).isEqualTo(401);
        assertThat(http.internal(PUT, "/api/v1/aliases/sneaky", "{\"model\":\"gpt-4o\"}").status()).isEqualTo(401);
    }

    private Response putAlias(String name, String model) {
        return http.admin(PUT, "/api/v1/aliases/" + name, "{\"model\":\"" + model + "\"}");
    }

    private long registryVersion() {
        return http.internal(GET, "/internal/v1/registry/version", null).json().get("version").asLong();
    }
}
