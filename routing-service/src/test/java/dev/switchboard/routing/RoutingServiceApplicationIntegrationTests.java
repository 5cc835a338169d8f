package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;

import dev.switchboard.routing.RoutingHttp.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingServiceApplicationIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_application_tests");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RoutingHttp http;

    @BeforeEach
    void client() {
        http = new RoutingHttp(port);
    }

    @Test
    void probesAndMetricsAnswerWithoutTokens() {
        assertThat(http.anonymous(GET, "/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.anonymous(GET, "/actuator/health/readiness", null).status()).isEqualTo(200);
        Response prometheus = http.anonymous(GET, "/actuator/prometheus", null);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void migratesIntoRoutingSchemaStartingAtRegistryVersionZero() {
        assertThat(jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'routing' and table_name <> 'flyway_schema_history' order by 1""")
                .query(String.class).list())
                .containsExactly("audit_log", "deployment_latency", "model_aliases", "model_prices", "models",
                        "prices_in_force", "providers", "registry_version", "routes");
        assertThat(http.internal(GET, "/internal/v1/registry/version", null).body())
                .isEqualTo("{\"version\":0,\"tagKeys\":[]}");
    }

    @Test
    void encodedSlashDoesNotOpenAPathAroundTheTokenCheck() throws Exception {
        // %2F is passed through undecoded (for model names); it must not turn into a path the token filter misses
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api%2Fv1/providers")).build(),
                HttpResponse.BodyHandlers.ofString());

        // the token filter denies by default (401); were it let through, the dispatcher would not match it (404)
        assertThat(response.statusCode()).isIn(401, 404);
        assertThat(response.body()).doesNotContain("baseUrl");
    }

    @Test
    void answersUnknownEndpointWithServiceError() {
        Response response = http.internal(GET, "/internal/v1/nothing-here", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("not_found");
    }
}
