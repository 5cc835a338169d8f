package dev.switchboard.devstack;

import static dev.switchboard.devstack.EdgeCalls.header;
import static dev.switchboard.devstack.EdgeCalls.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.devstack.TestDeployments.Deployment;
import dev.switchboard.devstack.TestDeployments.Price;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A route's resilience policy: hedging (a second attempt on the next candidate when the first is slow to answer a
 * non-streamed request; the first answer wins, the loser is cancelled and nothing of it is billed) and its cap on
 * attempts. Requests name the route, whose rule sends them to a primary that fails over to a fallback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class HedgingEndToEndTests {

    private static final long HEDGE_AFTER_MILLIS = 300;

    private LocalSuite suite;
    private EdgeCalls edge;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.edge = new EdgeCalls(suite);
    }

    /** A route named after {@code deployments}' purpose, to {@code primary}, with this resilience section. */
    private static String route(TestDeployments deployments, Deployment primary, Map<String, Object> resilience) {
        String route = deployments.uniqueName("route");
        deployments.route(route, Map.of("match", Map.of("model", route), "strategy", "model",
                "target", primary.model(), "resilience", resilience));
        return route;
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @Test
    void hedgesASlowPrimaryWithTheNextCandidateAndBillsOnlyTheWinner() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-hedge")) {
            Deployment fallback = deployments.chat(TestDeployments.seeded("openai"), new Price("0.50", "2.00"));
            Deployment primary = deployments.chat(deployments.provider("openai", Map.of()), fallback);
            String route = route(deployments, primary,
                    Map.of("hedgeAfterMillis", HEDGE_AFTER_MILLIS, "maxAttempts", 3));

            HttpResponse<String> inTime = deployments.awaitRouted(primary, () -> edge.chat(route, false));
            assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(200);
            assertThat(header(inTime, "x-switchboard-route")).isEqualTo("rule:" + route);
            assertThat(header(inTime, "x-switchboard-served-by")).as("a primary in time is not hedged")
                    .isEqualTo("primary");
            assertThat(deployments.callsTo(fallback)).isZero();

            long primarySlowMillis = 3_000;
            deployments.fault(primary, "latency-ms=" + primarySlowMillis);
            long primaryBefore = deployments.callsTo(primary);
            long started = System.nanoTime();
            HttpResponse<String> response = edge.chat(route, false);
            long tookMillis = millisSince(started);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(header(response, "x-switchboard-served-by")).isEqualTo("hedge");
            assertThat(header(response, "x-switchboard-model")).isEqualTo(fallback.upstream());
            assertThat(header(response, "x-switchboard-attempts")).isEqualTo("2");
            assertThat(tookMillis).as("the hedge started after %d ms and answered first", HEDGE_AFTER_MILLIS)
                    .isBetween(HEDGE_AFTER_MILLIS - 50, primarySlowMillis / 2);
            assertThat(deployments.callsTo(primary) - primaryBefore).isEqualTo(1);
            assertThat(deployments.callsTo(fallback)).isEqualTo(1);

            Map<String, Object> row = deployments.billedRow(response, fallback);
            assertThat(row).containsEntry("served_by", "hedge");
            assertThat(Attempts.of(row)).containsExactlyInAnyOrder(Attempts.cancelled(primary, "hedge_lost", 0),
                    Attempts.succeeded(fallback));
        }
    }

    @Test
    void doesNotHedgeAStreamedRequest() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-hedge-stream")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            String route = route(deployments, primary,
                    Map.of("hedgeAfterMillis", HEDGE_AFTER_MILLIS, "maxAttempts", 3));
            // slower than the hedge delay, well within the first-token timeout
            long primarySlowMillis = 1_000;
            deployments.fault(primary, "latency-ms=" + primarySlowMillis);

            long started = System.nanoTime();
            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(route, true));
            long tookMillis = millisSince(started);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).endsWith("data: [DONE]\n\n");
            assertThat(header(response, "x-switchboard-served-by")).isEqualTo("primary");
            assertThat(header(response, "x-switchboard-attempts")).isEqualTo("1");
            assertThat(tookMillis).isGreaterThanOrEqualTo(primarySlowMillis - 50);
            assertThat(deployments.callsTo(fallback)).isZero();
        }
    }

    @Test
    void stopsAtTheRoutesAttemptCap() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-route-cap")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            int maxAttempts = 2;
            String route = route(deployments, primary, Map.of("maxAttempts", maxAttempts));
            deployments.fault(primary, "status=500");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(route, false));

            assertThat(response.statusCode()).as("the retry used the last attempt the route allows")
                    .isEqualTo(503);
            assertThat(deployments.callsTo(primary)).isEqualTo(maxAttempts);
            assertThat(deployments.callsTo(fallback)).isZero();
            assertThat(Attempts.of(UsageRows.await(suite, requestId(response)))).hasSize(maxAttempts);
        }
    }
}
