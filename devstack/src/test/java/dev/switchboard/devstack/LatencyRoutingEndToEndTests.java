package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Latency routing from real measurements: the edge times its provider calls, reports each deployment's p95 to
 * routing-service (every second in the test suite), and a {@code fastest} rule then ranks the measured deployments
 * by it. The mock's Anthropic deployment is made slow; nothing else tells routing which one is faster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class LatencyRoutingEndToEndTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ROUTE = "fastest-e2e";
    /** Above routing's default minimum of 20 recent samples per deployment. */
    private static final int CALLS_PER_MODEL = 24;

    private LocalSuite suite;
    private AdminApi routing;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.routing = suite.routingAdmin();
    }

    @AfterAll
    void cleanUp() {
        suite.mockProvider().faults().clear();
        routing.send("DELETE", "/api/v1/routes/" + ROUTE, null);
    }

    private HttpResponse<String> chat(String model) throws Exception {
        String body = """
                {"model":"%s","messages":[{"role":"user","content":"How fast? %s"}],"max_tokens":16}"""
                .formatted(model, UUID.randomUUID());
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + suite.demoKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode consideration(JsonNode dryRun, String model) {
        for (JsonNode c : dryRun.path("explanation").path("considered")) {
            if (c.path("model").asString().equals(model)) {
                return c;
            }
        }
        throw new AssertionError(model + " not considered: " + dryRun);
    }

    @Test
    void fastestRuleRanksDeploymentsByTheP95TheEdgesReported() throws Exception {
        suite.mockProvider().faults().set("claude-sonnet-4-5", "latency-ms=400");
        for (int i = 0; i < CALLS_PER_MODEL; i++) {
            assertThat(chat("claude-sonnet-4-5").statusCode()).isEqualTo(200);
            assertThat(chat("gpt-4o-mini").statusCode()).isEqualTo(200);
        }
        suite.mockProvider().faults().clear();
        Thread.sleep(2_000); // two report intervals: the last calls' window reaches routing-service
        routing.expect("PUT", "/api/v1/routes/" + ROUTE, Map.of("position", 3, "match", Map.of("model", ROUTE),
                "strategy", "fastest", "pool", List.of("claude-sonnet-4-5", "gpt-4o-mini")), 200, 201);

        JsonNode dryRun = awaitMeasured(Duration.ofSeconds(10));

        assertThat(dryRun.path("servedModel").asString()).as(dryRun.toString()).isEqualTo("gpt-4o-mini");
        assertThat(dryRun.path("candidates").get(1).path("model").asString()).isEqualTo("claude-sonnet-4-5");
        // other classes' fast calls to the same deployments share the window and dilute the slow p95s (hence the
        // 400 ms), so compare the two rather than pin a number
        assertThat(p95(dryRun, "claude-sonnet-4-5")).isGreaterThan(p95(dryRun, "gpt-4o-mini") + 50);

        HttpResponse<String> served = chat(ROUTE);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.headers().firstValue("x-switchboard-route")).contains("rule:" + ROUTE);
        assertThat(served.headers().firstValue("x-switchboard-model")).contains("gpt-4o-mini");
    }

    private static long p95(JsonNode dryRun, String model) {
        String reason = consideration(dryRun, model).path("reason").asString();
        assertThat(reason).startsWith("fastest capable: recent p95 ");
        return Long.parseLong(reason.replaceAll(".*recent p95 (\\d+) ms.*", "$1"));
    }

    /** Dry-runs until both deployments are ranked by measurement: the edges report every second. */
    private JsonNode awaitMeasured(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode dryRun = routing.expect("POST", "/api/v1/route-plans/dry-run",
                    Map.of("teamId", "demo", "model", ROUTE), 200).body();
            boolean measured = consideration(dryRun, "claude-sonnet-4-5").path("reason").asString().contains("p95")
                    && consideration(dryRun, "gpt-4o-mini").path("reason").asString().contains("p95");
            if (measured || System.nanoTime() > deadline) {
                return dryRun;
            }
            Thread.sleep(250);
        }
    }
}
