package dev.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminUiApplicationIntegrationTests {

    @LocalServerPort
    int port;

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }

    @Test
    void servesItsHomePage() {
        String page = client().get().uri("/").retrieve().body(String.class);

        assertThat(page).contains("<h1>Switchboard admin</h1>");
    }

    @Test
    void reportsLivenessReadinessAndMetrics() {
        assertThat(client().get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("UP");
        assertThat(client().get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("UP");
        assertThat(client().get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("jvm_memory_used_bytes");
    }
}
