package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spool's bound through the edge's real HTTP path: with Kafka unreachable and a bound of a few bytes, the one
 * event of the first request fills the spool, and from then on chat, messages and embeddings are refused with a
 * 503 (Anthropic's 529 on /v1/messages) and a Retry-After before admission is asked or a provider called.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.edge.usage.spool.max-bytes=16B",
        "switchboard.edge.usage.spool.retry-after=7s",
        "switchboard.edge.usage.max-block=200ms"})
class UsageSpoolBoundIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StandInServices SERVICES = new StandInServices();
    private static final String CHAT = "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) throws Exception {
        // Kafka points at a closed port: every usage event stays in the spool
        UnreachableServices.register(registry);
        registry.add("switchboard.edge.services.quota-url", SERVICES::url);
        registry.add("switchboard.edge.services.routing-url", SERVICES::url);
    }

    @AfterAll
    static void stopStandIns() {
        SERVICES.close();
    }

    @Test
    void refusesCostBearingRequestsWith503OnceTheSpoolIsPastItsBound() throws Exception {
        assertThat(chat().statusCode()).as("served while the spool is empty").isEqualTo(200);
        int admissions = SERVICES.admissions.size();
        int providerCalls = SERVICES.providerBodies.size();

        HttpResponse<String> refused = awaitRefusal();
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("service_unavailable_error");
        assertThat(error.path("code").asString()).isEqualTo("usage_log_full");
        assertThat(error.path("message").asString()).contains("usage log is full");
        assertThat(refused.headers().firstValue("Retry-After")).contains("7");
        assertThat(refused.headers().firstValue("x-request-id")).isPresent();

        HttpResponse<String> messages = send(at("/v1/messages").header("x-api-key", freshKey())
                .header("anthropic-version", "2023-06-01"),
                "{\"model\":\"gpt-test\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(messages.statusCode()).isEqualTo(529);
        assertThat(JSON.readTree(messages.body()).path("error").path("type").asString()).isEqualTo("overloaded_error");
        assertThat(messages.headers().firstValue("Retry-After")).contains("7");

        HttpResponse<String> embeddings = send(at("/v1/embeddings").header("Authorization", "Bearer " + freshKey()),
                "{\"model\":\"gpt-test\",\"input\":\"hello\"}");
        assertThat(embeddings.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(embeddings.body()).path("error").path("code").asString()).isEqualTo("usage_log_full");

        assertThat(SERVICES.admissions).as("admission never asked for a refused request").hasSize(admissions);
        assertThat(SERVICES.providerBodies).hasSize(providerCalls);
        assertThat(awaitMetrics("(?m)^switchboard_edge_usage_kafka_available(\\{[^}]*})? 0"))
                .containsPattern("(?m)^switchboard_edge_usage_spool_events(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^switchboard_edge_usage_spool_bytes(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^switchboard_edge_usage_spool_refusals_total(\\{[^}]*})? [3-9]");
    }

    /** The Prometheus scrape once it matches {@code pattern}: the first failed send takes max-block to notice. */
    private String awaitMetrics(String pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String metrics = HTTP.send(at("/actuator/prometheus").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (Pattern.compile(pattern).matcher(metrics).find() || System.nanoTime() > deadline) {
                assertThat(metrics).containsPattern(pattern);
                return metrics;
            }
            Thread.sleep(50);
        }
    }

    /** The first request's event reaches the spool within a drain interval; a chat sent after that is refused. */
    private HttpResponse<String> awaitRefusal() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            HttpResponse<String> response = chat();
            if (response.statusCode() == 503 || System.nanoTime() > deadline) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                return response;
            }
            assertThat(response.statusCode()).isEqualTo(200);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> chat() throws Exception {
        return send(at("/v1/chat/completions").header("Authorization", "Bearer " + freshKey()), CHAT);
    }

    private static String freshKey() {
        return "sb-" + UUID.randomUUID();
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String body) throws Exception {
        return HTTP.send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
