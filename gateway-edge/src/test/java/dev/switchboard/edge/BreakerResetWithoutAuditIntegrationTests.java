package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.resilience.DeploymentBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no broker to record it, a breaker reset is refused and the breaker keeps its state. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.admin-token=edge-admin-token", "switchboard.edge.audit.timeout=1s",
        "logging.level.org.apache.kafka=error"})
class BreakerResetWithoutAuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DeploymentBreakers breakers;

    @DynamicPropertySource
    static void nothingBehind(DynamicPropertyRegistry registry) throws Exception {
        UnreachableServices.register(registry);
    }

    @Test
    void anUnrecordedResetIsRefused() throws Exception {
        String deployment = "openai/unaudited-" + UUID.randomUUID();
        CircuitBreaker breaker = breakers.breaker(deployment);
        breaker.transitionToOpenState();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/resilience/breakers/reset?deployment=" + deployment))
                        .header("Authorization", "Bearer edge-admin-token")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.body()).contains("audit_unavailable");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
