package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * routing-service goes away under a running edge: the edge keeps serving models it has plans for, past the plan
 * TTL, reports the stale state in health while readiness stays UP (and says routing is degraded), and returns to
 * normal once routing-service is back. The shared suite is restored: routing-service runs again, on its port,
 * when this class is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class RoutingOutageEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The edge's default plan TTL, plus a margin. */
    private static final Duration PAST_PLAN_TTL = Duration.ofMillis(5_500);

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    private HttpResponse<String> chat() throws Exception {
        String body = """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Still there? %s"}]}"""
                .formatted(UUID.randomUUID());
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + suite.demoKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> edgeHealth(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/actuator/health/" + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode routingHealth() throws Exception {
        HttpResponse<String> response = edgeHealth("edge-routing");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode routing = JSON.readTree(response.body()).path("components").path("routing");
        assertThat(routing.path("status").asString()).isEqualTo("UP");
        return routing.path("details");
    }

    private JsonNode awaitRoutingHealth(boolean servingStalePlans, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode details = routingHealth();
        while (details.path("servingStalePlans").asBoolean() != servingStalePlans && System.nanoTime() < deadline) {
            Thread.sleep(200);
            details = routingHealth();
        }
        return details;
    }

    @Test
    void keepsServingLastKnownPlansWhileRoutingServiceIsDownAndSaysSoInHealth() throws Exception {
        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(routingHealth().path("servingStalePlans").asBoolean()).isFalse();

        suite.stop(ServiceModule.ROUTING);
        try {
            Thread.sleep(PAST_PLAN_TTL.toMillis());

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = chat();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.headers().firstValue("x-switchboard-model")).contains("gpt-4o-mini");
            }
            JsonNode degraded = routingHealth();
            assertThat(degraded.path("servingStalePlans").asBoolean()).isTrue();
            assertThat(degraded.path("stalePlans").asInt()).isPositive();
            assertThat(degraded.path("since").asString()).isNotBlank();
            assertThat(degraded.path("lastError").asString()).startsWith("routing-service");
            HttpResponse<String> readiness = edgeHealth("readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode readyRouting = JSON.readTree(readiness.body()).path("components").path("routing");
            assertThat(readyRouting.path("status").asString()).isEqualTo("UP");
            assertThat(readyRouting.path("details").path("servingStalePlans").asBoolean()).isTrue();
            assertThat(readyRouting.path("details").path("routingServiceReachable").asBoolean()).isFalse();
        } finally {
            suite.restart(ServiceModule.ROUTING);
        }

        // the edge's registry poll finds routing-service again and retries the stale keys without any traffic
        assertThat(awaitRoutingHealth(false, Duration.ofSeconds(10)).path("servingStalePlans").asBoolean())
                .isFalse();
        assertThat(chat().statusCode()).isEqualTo(200);
    }
}
