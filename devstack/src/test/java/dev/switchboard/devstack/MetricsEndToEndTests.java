package dev.switchboard.devstack;

import static dev.switchboard.devstack.EdgeCalls.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.devstack.TestDeployments.Deployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard against the running suite: after traffic of every kind it graphs (served, streamed, retried,
 * failed over, hedged, exhausted, refused by quota), every metric its PromQL names is exported at
 * {@code /actuator/prometheus} by at least one service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class MetricsEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path DASHBOARD = Path.of("docs/grafana/switchboard.json");
    /**
     * Graphed but not producible yet: the cache series come once the edge has a response cache (until then every
     * request's cache outcome is {@code none}).
     */
    private static final Set<String> NOT_YET_PRODUCED = Set.of(
            "switchboard_edge_cache_requests_total", "switchboard_edge_cache_saved_cost_total");
    private static final Pattern SAMPLE_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private LocalSuite suite;
    private EdgeCalls edge;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.edge = new EdgeCalls(suite);
    }

    @Test
    void everyMetricTheDashboardQueriesIsExportedAfterTraffic() throws Exception {
        Set<String> queried = DashboardQueries.metricNames(JSON.readTree(
                Files.readString(ServiceModule.findRepositoryRoot(Path.of("")).resolve(DASHBOARD))));
        assertThat(queried).as("metric names parsed from the dashboard").hasSizeGreaterThan(20)
                .contains("switchboard_edge_requests_total", "resilience4j_circuitbreaker_state",
                        "kafka_consumer_fetch_manager_records_lag_max");

        sendTrafficOfEveryKind();
        refuseByQuota();

        List<String> services = new ArrayList<>(suite.edgeUrls());
        services.addAll(List.of(suite.routingUrl(), suite.quotaUrl(), suite.usageUrl()));
        // settlement and ingest counters move when the usage events arrive, a moment after the responses
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Set<String> exported = new HashSet<>();
            for (String service : services) {
                exported.addAll(sampleNames(service));
            }
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(exported);
            missing.removeAll(NOT_YET_PRODUCED);
            assertThat(missing).as("dashboard metrics no service exports").isEmpty();
        });
    }

    /** Served plainly and streamed, then hedged, retried and failed over, and failed on every candidate. */
    private void sendTrafficOfEveryKind() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "metrics")) {
            Deployment fallback = deployments.chat(TestDeployments.seeded("openai"));
            Deployment primary = deployments.chat(deployments.provider("openai", Map.of()), fallback);
            Deployment alone = deployments.chat(deployments.provider("openai", Map.of()));
            String hedged = deployments.uniqueName("route");
            deployments.route(hedged, Map.of("match", Map.of("model", hedged), "strategy", "model",
                    "target", primary.model(), "resilience", Map.of("hedgeAfterMillis", 300, "maxAttempts", 3)));

            HttpResponse<String> served = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(edge.chat(primary.model(), true).body()).contains("data: [DONE]");

            // hedged while the primary is still healthy: once it fails, its breaker may skip it altogether
            deployments.fault(primary, "latency-ms=1500");
            assertThat(awaitHedged(hedged)).isEqualTo("hedge");

            deployments.fault(primary, "status=500");
            HttpResponse<String> failedOver = edge.chat(primary.model(), false);
            assertThat(header(failedOver, "x-switchboard-served-by")).as(failedOver.body()).isEqualTo("fallback");

            deployments.fault(alone, "status=500");
            HttpResponse<String> exhausted = deployments.awaitRouted(alone, () -> edge.chat(alone.model(), false));
            assertThat(exhausted.statusCode()).as(exhausted.body()).isGreaterThanOrEqualTo(500);
        }
    }

    /** The route reaches the edge within a registry poll; until then its name is an unknown model (404). */
    private String awaitHedged(String route) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            HttpResponse<String> response = edge.chat(route, false);
            if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return header(response, "x-switchboard-served-by");
            }
            Thread.sleep(100);
        }
    }

    /** A team limited to one request a minute: its second request is refused by admission. */
    private void refuseByQuota() throws Exception {
        TestTeam team = new TestTeam(suite, "metrics");
        team.requestsPerMinute(team.scope(), 1);
        KeyedEdges edges = new KeyedEdges(suite, team.key("metrics").secret());
        int refused = 0;
        for (int i = 0; i < 5 && refused == 0; i++) {
            if (edges.chat(1, "gpt-4o-mini", 16).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("a request over the team's limit of one a minute").isEqualTo(1);
    }

    private static Set<String> sampleNames(String serviceUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(serviceUrl + "/actuator/prometheus").isEqualTo(200);
        Set<String> names = new HashSet<>();
        Matcher sample = SAMPLE_NAME.matcher(response.body());
        while (sample.find()) {
            names.add(sample.group(1));
        }
        return names;
    }
}
