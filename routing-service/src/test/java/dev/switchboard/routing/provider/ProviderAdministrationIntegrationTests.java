package dev.switchboard.routing.provider;

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
class ProviderAdministrationIntegrationTests {

    private static final String MOCK_OPENAI = """
            {"type":"openai","baseUrl":"http://127.0.0.1:18080/v1","credentialRef":"MOCK_OPENAI_KEY"}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_provider_admin_tests");
    }

    @LocalServerPort
    int port;

    RoutingHttp http;

    @BeforeEach
    void client() {
        http = new RoutingHttp(port);
    }

    @Test
    void putReturnsProviderAndGetFindsIt() {
        Response response = http.admin(PUT, "/api/v1/providers/mock-openai", MOCK_OPENAI);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode provider = response.json();
        assertThat(provider.get("id").asString()).isEqualTo("mock-openai");
        assertThat(provider.get("type").asString()).isEqualTo("openai");
        assertThat(provider.get("baseUrl").asString()).isEqualTo("http://127.0.0.1:18080/v1");
        assertThat(provider.get("credentialRef").asString()).isEqualTo("MOCK_OPENAI_KEY");
        assertThat(provider.get("createdAt").asString()).isNotBlank();
        assertThat(http.admin(GET, "/api/v1/providers/mock-openai", null).json()).isEqualTo(provider);
        assertThat(http.admin(GET, "/api/v1/providers", null).json().findValuesAsString("id")).contains("mock-openai");
    }

    @Test
    void putReplacesExistingProviderAndDropsTrailingSlash() {
        http.admin(PUT, "/api/v1/providers/replaced", MOCK_OPENAI);

        Response response = http.admin(PUT, "/api/v1/providers/replaced", """
                {"type":"anthropic","baseUrl":"https://api.anthropic.com/","credentialRef":"ANTHROPIC_API_KEY"}""");

        assertThat(response.json().get("type").asString()).isEqualTo("anthropic");
        assertThat(response.json().get("baseUrl").asString()).isEqualTo("https://api.anthropic.com");
    }

    @Test
    void acceptsProviderWithoutCredential() {
        Response response = http.admin(PUT, "/api/v1/providers/local-vllm", """
                {"type":"openai-compatible","baseUrl":"http://localhost:8000/v1"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("credentialRef").isNull()).isTrue();
    }

    @Test
    void acceptsEveryProviderTypeTheEdgeHasAnAdapterFor() {
        for (String type : new String[] {"openai", "anthropic", "gemini", "openai-compatible", "ollama", "vllm",
                "azure-openai"}) {
            Response response = http.admin(PUT, "/api/v1/providers/typed-" + type.replace("-", ""),
                    MOCK_OPENAI.replace("\"openai\"", "\"" + type + "\""));

            assertThat(response.status()).as(type).isIn(200, 201);
            assertThat(response.json().get("type").asString()).isEqualTo(type);
        }
    }

    @Test
    void rejectsBaseUrlThatIsNotAbsoluteHttp() {
        for (String baseUrl : new String[] {"ftp://files.example.com", "/v1", "not a url",
                "https://user:secret@api.openai.com/v1", "https://api.openai.com/v1?key=secret"}) {
            Response response = http.admin(PUT, "/api/v1/providers/bad-url",
                    MOCK_OPENAI.replace("http://127.0.0.1:18080/v1", baseUrl));

            assertThat(response.status()).as(baseUrl).isEqualTo(400);
            assertThat(response.json().get("message").asString()).as(baseUrl)
                    .startsWith("baseUrl: must be an absolute http(s) URL");
        }
    }

    @Test
    void storesEnabledFlagAndTimeoutsWithDefaults() {
        JsonNode defaults = http.admin(PUT, "/api/v1/providers/plain", MOCK_OPENAI).json();
        Response tuned = http.admin(PUT, "/api/v1/providers/tuned", """
                {"type":"ollama","baseUrl":"http://127.0.0.1:11434","enabled":false,
                 "timeouts":{"connectMillis":500,"firstTokenMillis":120000,"totalMillis":600000}}""");

        assertThat(defaults.get("enabled").asBoolean()).isTrue();
        assertThat(defaults.get("timeouts").get("connectMillis").isNull()).isTrue();
        assertThat(tuned.status()).as(tuned.toString()).isEqualTo(200);
        assertThat(tuned.json().get("enabled").asBoolean()).isFalse();
        assertThat(tuned.json().get("timeouts").get("connectMillis").asLong()).isEqualTo(500);
        assertThat(tuned.json().get("timeouts").get("firstTokenMillis").asLong()).isEqualTo(120000);
        assertThat(tuned.json().get("timeouts").get("idleMillis").isNull()).isTrue();
        assertThat(http.admin(GET, "/api/v1/providers/tuned", null).json()).isEqualTo(tuned.json());
    }

    @Test
    void rejectsTimeoutsThatAreNotPositiveOrTooLong() {
        Response response = http.admin(PUT, "/api/v1/providers/bad-timeouts", """
                {"type":"openai","baseUrl":"http://a/v1",
                 "timeouts":{"connectMillis":0,"firstTokenMillis":-5,"idleMillis":600001,"totalMillis":3600001}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo("timeouts.connectMillis: must be greater than 0; "
                + "timeouts.firstTokenMillis: must be greater than 0; "
                + "timeouts.idleMillis: must be less than or equal to 600000; "
                + "timeouts.totalMillis: must be less than or equal to 3600000");
        assertThat(http.admin(GET, "/api/v1/providers/bad-timeouts", null).status()).isEqualTo(404);
    }

    @Test
    void rejectsUnknownType() {
        Response response = http.admin(PUT, "/api/v1/providers/bad-type", MOCK_OPENAI.replace("\"openai\"", "\"cohere\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .isEqualTo("type: must be one of openai, anthropic, gemini, openai-compatible, ollama, vllm, azure-openai");
    }

    @Test
    void rejectsProviderKeyPastedAsCredentialRef() {
        Response response = http.admin(PUT, "/api/v1/providers/leaky",
                MOCK_OPENAI.replace("MOCK_OPENAI_KEY", "sk-proj-abc123"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).startsWith("credentialRef: must be the name");
        assertThat(http.admin(GET, "/api/v1/providers/leaky", null).status()).isEqualTo(404);
    }

    @Test
    void rejectsInvalidId() {
        Response response = http.admin(PUT, "/api/v1/providers/Upper_Case", MOCK_OPENAI);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).startsWith("id: provider ids are");
    }

    @Test
    void rejectsMalformedJson() {
        Response response = http.admin(PUT, "/api/v1/providers/broken", "{type: openai}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo("request body is not valid JSON");
    }

    @Test
    void refusesToDeleteProviderThatServesModels() {
        http.admin(PUT, "/api/v1/providers/busy", MOCK_OPENAI);
        http.admin(PUT, "/api/v1/models/busy-model", """
                {"provider":"busy","version":"1"}""");
        long before = registryVersion();

        Response response = http.admin(DELETE, "/api/v1/providers/busy", null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("conflict");
        assertThat(response.json().get("message").asString()).contains("busy-model");
        assertThat(http.admin(GET, "/api/v1/providers/busy", null).status()).isEqualTo(200);
        assertThat(registryVersion()).isEqualTo(before);
    }

    @Test
    void deletesUnusedProviderAndBumpsRegistryVersion() {
        http.admin(PUT, "/api/v1/providers/idle", MOCK_OPENAI);
        long before = registryVersion();

        assertThat(http.admin(DELETE, "/api/v1/providers/idle", null).status()).isEqualTo(204);

        assertThat(registryVersion()).isEqualTo(before + 1);
        Response gone = http.admin(GET, "/api/v1/providers/idle", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asString()).isEqualTo("provider 'idle' does not exist");
        assertThat(http.admin(DELETE, "/api/v1/providers/idle", null).status()).isEqualTo(404);
    }

    @Test
    void refusesCallsWithoutAdminToken() {
        Response response = http.anonymous(PUT, "/api/v1/providers/sneaky", MOCK_OPENAI);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).isEqualTo("authentication");
        assertThat(http.admin(GET, "/api/v1/providers/sneaky", null).status()).isEqualTo(404);
    }

    private long registryVersion() {
        return http.internal(GET, "/internal/v1/registry/version", null).json().get("version").asLong();
    }
}
