package dev.switchboard.devstack;

import static dev.switchboard.devstack.EdgeCalls.header;
import static dev.switchboard.devstack.EdgeCalls.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.devstack.TestDeployments.Deployment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's circuit breaker per deployment, with the suite's small windows ({@link SuiteSettings#forTests}):
 * sustained failures open it and the primary is no longer called; after the wait one probe goes through, and its
 * outcome closes or reopens the breaker; a probe that hangs holds nobody and is given up on. Also the admin
 * endpoint and metrics that show it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class CircuitBreakerEndToEndTests {

    private static final Duration POLL = Duration.ofMillis(100);
    /** How late a poll every {@link #POLL} may notice a change, and what a request to the mock takes. */
    private static final Duration SLACK = Duration.ofMillis(500);
    private static final String BREAKER_STATE = "resilience4j_circuitbreaker_state";

    private LocalSuite suite;
    private EdgeCalls edge;
    private int minimumCalls;
    private int slidingWindow;
    private Duration waitInOpen;
    private Duration maxWaitInHalfOpen;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.edge = new EdgeCalls(suite);
        Map<String, String> edgeProperties = suite.settings().edgeProperties();
        minimumCalls = Integer.parseInt(edgeProperties.get("switchboard.edge.resilience.breaker.minimum-calls"));
        slidingWindow = Integer.parseInt(
                edgeProperties.get("switchboard.edge.resilience.breaker.sliding-window-size"));
        waitInOpen = duration(edgeProperties.get("switchboard.edge.resilience.breaker.wait-in-open"));
        maxWaitInHalfOpen = duration(edgeProperties.get("switchboard.edge.resilience.breaker.max-wait-in-half-open"));
    }

    /** {@code 2s} or {@code 300ms}, as the suite writes them. */
    private static Duration duration(String text) {
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    private static boolean servedBy(HttpResponse<String> response, Deployment deployment) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return deployment.upstream().equals(header(response, "x-switchboard-model"));
    }

    /** Served by the fallback without a call to anyone else. */
    private static void assertFallbackAlone(HttpResponse<String> response, Deployment fallback) {
        assertThat(servedBy(response, fallback)).as("served by the fallback").isTrue();
        assertThat(header(response, "x-switchboard-served-by")).isEqualTo("fallback");
        assertThat(header(response, "x-switchboard-attempts")).isEqualTo("1");
    }

    /**
     * Fails every call to the primary until its breaker opens, and answers the first response the fallback gave
     * alone. Each failing request records at least one failure, so {@code minimumCalls} requests must do it.
     */
    private HttpResponse<String> openBreaker(TestDeployments deployments, Deployment primary, Deployment fallback)
            throws Exception {
        deployments.fault(primary, "status=500");
        HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));
        for (int request = 1; request <= minimumCalls + 1; request++) {
            assertThat(servedBy(response, fallback)).as("request %d failed over", request).isTrue();
            if ("1".equals(header(response, "x-switchboard-attempts"))) {
                return response;
            }
            response = edge.chat(primary.model(), false);
        }
        throw new AssertionError("the breaker of " + primary.id() + " did not open after " + (minimumCalls + 1)
                + " failing requests");
    }

    @Test
    void opensAfterSustainedFailuresAndStopsCallingThePrimary() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-breaker-open")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            HttpResponse<String> skipped = openBreaker(deployments, primary, fallback);
            long callsWhenOpened = deployments.callsTo(primary);
            assertThat(callsWhenOpened).isBetween((long) minimumCalls, (long) slidingWindow);

            long opened = System.nanoTime();
            List<HttpResponse<String>> later = new ArrayList<>(List.of(skipped));
            for (int i = 0; i < 3; i++) {
                later.add(edge.chat(primary.model(), false));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("still within the open wait")
                    .isLessThan(waitInOpen);

            for (HttpResponse<String> response : later) {
                assertFallbackAlone(response, fallback);
                assertThat(Attempts.of(UsageRows.await(suite, requestId(response))))
                        .containsExactly(Attempts.succeeded(fallback));
            }
            assertThat(deployments.callsTo(primary)).as("the open breaker kept calls off the primary")
                    .isEqualTo(callsWhenOpened);
            assertThat(UsageRows.await(suite, requestId(skipped))).containsEntry("served_by", "fallback");
        }
    }

    @Test
    void letsOneProbeThroughAfterTheWaitAndClosesOnceTheProbeSucceeds() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-breaker-probe")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            openBreaker(deployments, primary, fallback);
            long openedAt = System.nanoTime();

            long before = deployments.callsTo(primary);
            HttpResponse<String> probe = pollUntil(waitInOpen.plus(SLACK).plus(SLACK),
                    () -> edge.chat(primary.model(), false), response -> deployments.callsTo(primary) > before);
            long probedAt = System.nanoTime();
            assertThat(Duration.ofNanos(probedAt - openedAt)).as("the probe waited for the open wait")
                    .isGreaterThanOrEqualTo(waitInOpen.minus(SLACK));
            assertThat(servedBy(probe, fallback)).isTrue();
            assertThat(deployments.callsTo(primary) - before).as("one probe, not retried").isEqualTo(1);
            assertThat(Attempts.of(UsageRows.await(suite, requestId(probe))))
                    .containsExactly(Attempts.failed(primary, "server_error", 500), Attempts.succeeded(fallback));

            deployments.clearFault(primary);
            HttpResponse<String> closing = pollUntil(waitInOpen.plus(SLACK).plus(SLACK),
                    () -> edge.chat(primary.model(), false), response -> servedBy(response, primary));
            assertThat(Duration.ofNanos(System.nanoTime() - probedAt)).as("the failed probe reopened the breaker")
                    .isGreaterThanOrEqualTo(waitInOpen.minus(SLACK));
            assertThat(header(closing, "x-switchboard-attempts")).isEqualTo("1");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = edge.chat(primary.model(), false);
                assertThat(servedBy(response, primary)).as("closed: the primary serves again").isTrue();
                assertThat(header(response, "x-switchboard-served-by")).isEqualTo("primary");
            }
            assertThat(UsageRows.await(suite, requestId(closing))).containsEntry("served_by", "primary");
            assertThat(edge.breaker(primary).path("state").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void holdsNobodyWhileAProbeHangsAndGivesUpOnItAfterTheHalfOpenLimit() throws Exception {
        // the hung probe must outlast the half-open limit plus the next open wait by a margin, so the breaker is seen
        // to move on before the probe's own timeout (a non-streamed call's total timeout) could end it
        long hungProbeMillis = maxWaitInHalfOpen.plus(waitInOpen).plusSeconds(3).toMillis();
        try (TestDeployments deployments = new TestDeployments(suite, "r5-breaker-hang")) {
            TestDeployments.Pair pair = deployments.pair(Map.of("totalMillis", hungProbeMillis));
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            openBreaker(deployments, primary, fallback);
            deployments.fault(primary, "hang=true");

            long before = deployments.callsTo(primary);
            long deadline = System.nanoTime() + waitInOpen.plus(SLACK).plus(SLACK).toNanos();
            List<CompletableFuture<HttpResponse<String>>> whileProbing = new ArrayList<>();
            while (deployments.callsTo(primary) == before) {
                assertThat(System.nanoTime()).as("no probe within the open wait").isLessThan(deadline);
                whileProbing.add(edge.chatAsync(primary.model()));
                Thread.sleep(POLL.toMillis());
            }
            long probedAt = System.nanoTime();
            deployments.clearFault(primary);

            List<String> states = new ArrayList<>();
            HttpResponse<String> closing = pollUntil(maxWaitInHalfOpen.plus(waitInOpen).plus(SLACK).plus(SLACK),
                    () -> {
                        states.add(edge.breaker(primary).path("state").asString());
                        long sent = System.nanoTime();
                        HttpResponse<String> response = edge.chat(primary.model(), false);
                        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("not held by the hung probe")
                                .isLessThan(Duration.ofSeconds(1));
                        return response;
                    }, response -> servedBy(response, primary));
            Duration untilClosed = Duration.ofNanos(System.nanoTime() - probedAt);

            assertThat(untilClosed).as("half-open limit, then the open wait, then a probe that succeeds")
                    .isGreaterThanOrEqualTo(maxWaitInHalfOpen.plus(waitInOpen).minus(SLACK).minus(SLACK));
            assertThat(states).containsSubsequence("HALF_OPEN", "OPEN");
            List<CompletableFuture<HttpResponse<String>>> hung = whileProbing.stream()
                    .filter(future -> !future.isDone()).toList();
            assertThat(hung).as("only the probe still waits on the primary, and the breaker moved on without it")
                    .hasSize(1);
            for (CompletableFuture<HttpResponse<String>> other : whileProbing) {
                if (other.isDone()) {
                    assertFallbackAlone(other.join(), fallback);
                }
            }
            assertThat(deployments.callsTo(primary) - before).as("the hung probe and the one that closed")
                    .isEqualTo(2);
            assertThat(edge.breaker(primary).path("state").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void showsBreakersOnTheAdminEndpointAndInMetricsAndResetsThem() throws Exception {
        assertThat(edge.admin("GET", "/api/v1/resilience", null).statusCode()).isEqualTo(401);
        assertThat(edge.admin("GET", "/api/v1/resilience", "adm-wrong").statusCode()).isEqualTo(401);
        JsonNode totalsBefore = edge.resilience().path("totals");
        double failoversBefore = edge.metric("switchboard_edge_failovers_total", Map.of());
        double retriesBefore = edge.metric("switchboard_edge_retries_total", Map.of());

        try (TestDeployments deployments = new TestDeployments(suite, "r5-breaker-admin")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            openBreaker(deployments, primary, fallback);
            // the last request skipped the open breaker's primary: whether that counts as a failover is the edge's
            // choice, the others failed over after failed attempts
            long failovers = deployments.callsTo(fallback) - 1;

            JsonNode breaker = edge.breaker(primary);
            assertThat(breaker.path("state").asString()).as(breaker.toString()).isEqualTo("OPEN");
            assertThat(breaker.path("failureRate").asDouble()).isEqualTo(100.0);
            assertThat(breaker.path("failedCalls").asInt()).isEqualTo(breaker.path("bufferedCalls").asInt())
                    .isGreaterThanOrEqualTo(minimumCalls);
            assertThat(breaker.path("notPermittedCalls").asLong()).isPositive();
            JsonNode totals = edge.resilience().path("totals");
            assertThat(totals.path("failovers").asLong() - totalsBefore.path("failovers").asLong())
                    .isGreaterThanOrEqualTo(failovers);
            assertThat(totals.path("retries").asLong() - totalsBefore.path("retries").asLong()).isPositive();
            assertThat(totals.path("attempts").asLong() - totalsBefore.path("attempts").asLong())
                    .isGreaterThanOrEqualTo(deployments.callsTo(primary) + failovers);
            assertThat(edge.metric(BREAKER_STATE, Map.of("name", primary.id(), "state", "open"))).isEqualTo(1.0);
            assertThat(edge.metric("switchboard_edge_failovers_total", Map.of()) - failoversBefore)
                    .isGreaterThanOrEqualTo(failovers);
            assertThat(edge.metric("switchboard_edge_retries_total", Map.of()) - retriesBefore).isPositive();

            String reset = "/api/v1/resilience/breakers/reset?deployment="
                    + URLEncoder.encode(primary.id(), StandardCharsets.UTF_8);
            assertThat(edge.admin("POST", reset, null).statusCode()).isEqualTo(401);
            assertThat(edge.breaker(primary).path("state").asString()).as("an unauthorised reset changes nothing")
                    .isEqualTo("OPEN");
            deployments.clearFault(primary);
            HttpResponse<String> resetResponse = edge.admin("POST", reset, suite.adminToken());
            assertThat(resetResponse.statusCode()).as(resetResponse.body()).isEqualTo(200);

            assertThat(edge.breaker(primary).path("state").asString()).isEqualTo("CLOSED");
            assertThat(edge.metric(BREAKER_STATE, Map.of("name", primary.id(), "state", "closed"))).isEqualTo(1.0);
            JsonNode audited = auditedReset(suite, primary.id());
            assertThat(audited.path("actor").asString()).isEqualTo("admin");
            assertThat(audited.path("before").path("state").asString()).isEqualTo("OPEN");
            assertThat(audited.path("after").path("state").asString()).isEqualTo("CLOSED");
            HttpResponse<String> response = edge.chat(primary.model(), false);
            assertThat(servedBy(response, primary)).as("served by the primary at once after the reset").isTrue();
            assertThat(header(response, "x-switchboard-served-by")).isEqualTo("primary");
        }
    }

    /** The reset's entry in usage-service's audit log, which the edge fed over Kafka; polled for up to 30 s. */
    private static JsonNode auditedReset(LocalSuite suite, String deployment) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.usageUrl()
                        + "/api/v1/audit?service=gateway-edge&entityType=breaker&entityId="
                        + URLEncoder.encode(deployment, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + suite.adminToken()).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            JsonNode entries = JsonMapper.builder().build().readTree(response.body());
            if (response.statusCode() == 200 && entries.size() > 0) {
                return entries.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no audit entry for the reset of " + deployment + ": " + response.body());
            }
            Thread.sleep(200);
        }
    }

    /** A condition on a response. */
    private interface Until {
        boolean met(HttpResponse<String> response) throws Exception;
    }

    /** Sends every {@link #POLL} until a response meets {@code until}, for at most {@code within}. */
    private static HttpResponse<String> pollUntil(Duration within, TestDeployments.Call send, Until until) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            HttpResponse<String> response = send.send();
            if (until.met(response)) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not met within " + within + "; last response " + response.statusCode()
                        + " " + response.headers().map());
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
