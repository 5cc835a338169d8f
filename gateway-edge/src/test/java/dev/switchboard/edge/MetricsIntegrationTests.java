package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.edge.metrics.PrometheusText;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests through the edge's real HTTP path, in front of stand-ins, then its unauthenticated Prometheus endpoint:
 * the served, streamed and refused requests show up tagged by provider, model and team.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final StandInServices SERVICES = new StandInServices();
    private static final String CHAT = "{\"model\":\"gpt-test\",\"stream\":%s,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Count me, please.\"}]}";
    private static final Map<String, String> SERVED = Map.of("provider", "stand-in", "model", "gpt-test-upstream",
            "team", "team-1");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) throws Exception {
        UnreachableServices.register(registry);
        registry.add("switchboard.edge.services.quota-url", SERVICES::url);
        registry.add("switchboard.edge.services.routing-url", SERVICES::url);
        registry.add("switchboard.edge.usage.bootstrap-servers",
                () -> SwitchboardInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void stopStandIns() {
        SERVICES.close();
    }

    @Test
    void servedStreamedAndRefusedRequestsReachThePrometheusEndpoint() throws Exception {
        SERVICES.decision = AdmissionDecision.admit("res-1", 99);
        assertThat(chat(false).statusCode()).isEqualTo(200);
        HttpResponse<String> streamed = chat(true);
        assertThat(streamed.body()).contains("data: [DONE]");
        SERVICES.decision = new AdmissionDecision(false, null, AdmissionDecision.BUDGET_EXCEEDED, 0, 0,
                "Team budget spent.", null, null, null);
        assertThat(chat(false).statusCode()).isEqualTo(429);

        // a request's metrics are recorded as it ends, which may be just after the client read its last byte
        await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertSeries);
    }

    private void assertSeries() throws Exception {
        PrometheusText scrape = new PrometheusText(prometheus());
        assertThat(scrape.value("switchboard_edge_requests_total", with(SERVED, "status", "2xx"))).isEqualTo(2);
        assertThat(scrape.value("switchboard_edge_tokens_total", with(SERVED, "kind", "input"))).isEqualTo(10);
        assertThat(scrape.value("switchboard_edge_tokens_total", with(SERVED, "kind", "output"))).isEqualTo(2);
        // 5 input at 2.50 and 1 output at 10 per million, twice
        assertThat(scrape.value("switchboard_edge_cost_total", with(SERVED, "currency", "USD")))
                .isCloseTo(0.000045, offset(1e-12));
        assertThat(scrape.value("switchboard_edge_served_total", with(SERVED, "served_by", "primary")))
                .isEqualTo(2);
        // the refusal came after routing, so it is tagged with the deployment it would have gone to
        assertThat(scrape.value("switchboard_edge_request_latency_seconds_count", SERVED)).isEqualTo(3);
        assertThat(scrape.value("switchboard_edge_time_to_first_token_seconds_count", SERVED)).isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_quota_refusals_total",
                Map.of("team", "team-1", "reason", "budget_exceeded"))).isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_request_errors_total", with(SERVED, "type", "insufficient_quota")))
                .isEqualTo(1);
        assertThat(scrape.value("switchboard_edge_requests_total", with(SERVED, "status", "4xx"))).isEqualTo(1);
    }

    private static Map<String, String> with(Map<String, String> tags, String name, String value) {
        Map<String, String> all = new HashMap<>(tags);
        all.put(name, value);
        return all;
    }

    private HttpResponse<String> chat(boolean stream) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer sb-" + UUID.randomUUID())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted(stream))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
