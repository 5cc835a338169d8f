package dev.switchboard.devstack;

import static dev.switchboard.devstack.EdgeCalls.header;
import static dev.switchboard.devstack.EdgeCalls.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.devstack.TestDeployments.Deployment;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The edge's answer to failing providers, non-streamed: retries on the same deployment, failover over the route
 * plan's candidates, rate-limit cool-downs, the requests it must not repeat, and what the client and the ledger see
 * when every attempt failed. Each test registers its own models (primary first, then its fallbacks) so faults and
 * per-deployment state stay its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class ResilienceEndToEndTests {

    /** The edge's cap on provider attempts for one request when the route sets none. */
    private static final int MAX_ATTEMPTS = 4;
    private static final String RELEASES = "switchboard_edge_reservation_releases_total";

    private LocalSuite suite;
    private EdgeCalls edge;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.edge = new EdgeCalls(suite);
    }

    private static void assertServed(HttpResponse<String> response, Deployment by, String servedBy, int attempts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(header(response, "x-switchboard-served-by")).as("served-by").isEqualTo(servedBy);
        assertThat(header(response, "x-switchboard-attempts")).as("attempts").isEqualTo(String.valueOf(attempts));
        assertThat(header(response, "x-switchboard-provider")).as("provider").isEqualTo(by.providerId());
        assertThat(header(response, "x-switchboard-model")).as("model").isEqualTo(by.upstream());
    }

    private static JsonNode error(HttpResponse<String> response) {
        return EdgeCalls.JSON.readTree(response.body()).path("error");
    }

    /**
     * The client got {@code status} with the error {@code field} (type or code) {@code value}; the row records the
     * status, no deployment as the server and nothing billed. Answers the row.
     */
    private Map<String, Object> assertNothingServed(HttpResponse<String> response, int status, String field,
                                                    String value) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(error(response).path(field).asString()).isEqualTo(value);
        Map<String, Object> row = UsageRows.await(suite, requestId(response));
        assertThat(row).containsEntry("status", status);
        Object cost = row.get("cost");
        assertThat(cost == null || ((BigDecimal) cost).signum() == 0).as("cost " + cost).isTrue();
        assertThat(row.get("served_by")).isNull();
        return row;
    }

    @ParameterizedTest(name = "{0} then success")
    @CsvSource({"500, server_error", "503, overloaded", "529, overloaded"})
    void retriesAFailingProviderOnTheSameDeploymentAndBillsTheAnswerOnce(int status, String kind) throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-retry-" + status)) {
            Deployment fallback = deployments.chat(TestDeployments.seeded("openai"));
            Deployment primary = deployments.chat(TestDeployments.seeded("openai"), fallback);
            deployments.fault(primary, "status=" + status + ";times=1");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));

            assertServed(response, primary, "retry", 2);
            assertThat(deployments.callsTo(primary)).isEqualTo(2);
            assertThat(deployments.callsTo(fallback)).as("retried, not failed over").isZero();
            Map<String, Object> row = deployments.billedRow(response, primary);
            assertThat(row).containsEntry("served_by", "retry");
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, kind, status),
                    Attempts.succeeded(primary));
        }
    }

    /** With no equivalent to turn to, a short Retry-After is waited out (with one, see the cooldown test). */
    @Test
    void waitsForAShortRetryAfterBeforeRetryingTheOnlyCandidate() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-retry-after")) {
            Deployment primary = deployments.chat(TestDeployments.seeded("openai"));
            int retryAfterSeconds = 1;
            deployments.fault(primary, "status=429;retry-after=" + retryAfterSeconds + ";times=1");

            long started = System.nanoTime();
            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertServed(response, primary, "retry", 2);
            assertThat(took).as("the retry waited for the provider's Retry-After")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfterSeconds).minusMillis(50));
            assertThat(Attempts.of(UsageRows.await(suite, requestId(response))))
                    .containsExactly(Attempts.failed(primary, "rate_limited", 429), Attempts.succeeded(primary));
        }
    }

    @Test
    void failsOverToAnEquivalentDeploymentOnAnotherProviderAfterTheRetry() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-failover")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            deployments.fault(primary, "status=500");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));

            assertServed(response, fallback, "fallback", 3);
            assertThat(deployments.callsTo(primary)).isEqualTo(2);
            assertThat(deployments.callsTo(fallback)).isEqualTo(1);
            Map<String, Object> row = deployments.billedRow(response, fallback);
            assertThat(row).containsEntry("served_by", "fallback").containsEntry("requested_model", primary.model());
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "server_error", 500),
                    Attempts.failed(primary, "server_error", 500), Attempts.succeeded(fallback));
        }
    }

    /** A rate-limited deployment is not waited for while an equivalent can serve, however short its wait. */
    @Test
    void failsOverAtOnceFromARateLimitedDeploymentWithAnEquivalent() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-429-short")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            deployments.fault(primary, "status=429;retry-after=1;times=1");

            long started = System.nanoTime();
            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertServed(response, fallback, "fallback", 2);
            assertThat(took).as("did not wait out the Retry-After").isLessThan(Duration.ofMillis(900));
            assertThat(deployments.callsTo(primary)).isEqualTo(1);
        }
    }

    @Test
    void coolsDownADeploymentRateLimitedForLongerThanItWouldWait() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-cooldown")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            int retryAfterSeconds = 30;
            deployments.fault(primary, "status=429;retry-after=" + retryAfterSeconds);

            HttpResponse<String> first = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));
            assertServed(first, fallback, "fallback", 2);
            assertThat(Attempts.of(UsageRows.await(suite, requestId(first))))
                    .as("no retry into a long Retry-After: straight to the equivalent")
                    .containsExactly(Attempts.failed(primary, "rate_limited", 429), Attempts.succeeded(fallback));

            int more = 4;
            HttpResponse<String> last = null;
            for (int i = 0; i < more; i++) {
                last = edge.chat(primary.model(), false);
                assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
                assertThat(header(last, "x-switchboard-model")).isEqualTo(fallback.upstream());
                assertThat(header(last, "x-switchboard-attempts")).as("the cooling deployment went last").isEqualTo("1");
            }
            assertThat(deployments.callsTo(primary)).as("the limited deployment was asked once").isEqualTo(1);
            assertThat(deployments.callsTo(fallback)).isEqualTo(1 + more);
            assertThat(Attempts.of(UsageRows.await(suite, requestId(last))))
                    .containsExactly(Attempts.succeeded(fallback));
            assertThat(edge.breaker(primary).path("coolingDownMillis").asLong())
                    .isPositive().isLessThanOrEqualTo(retryAfterSeconds * 1000L);
        }
    }

    @Test
    void passesTheProvidersBadRequestOnAfterOneAttempt() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-rejected")) {
            Deployment fallback = deployments.chat(TestDeployments.seeded("openai"));
            Deployment primary = deployments.chat(TestDeployments.seeded("openai"), fallback);
            deployments.fault(primary, "status=400");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));

            Map<String, Object> row = assertNothingServed(response, 400, "type", "invalid_request_error");
            assertThat(deployments.callsTo(primary)).as("not retried").isEqualTo(1);
            assertThat(deployments.callsTo(fallback)).as("not failed over").isZero();
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "request_rejected", 400));
        }
    }

    @Test
    void answers503WithRetryAfterWhenEveryAttemptFailedAndReleasesTheReservation() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-exhausted")) {
            Deployment third = deployments.chat(TestDeployments.seeded("openai"));
            Deployment second = deployments.chat(deployments.provider("openai", Map.of()));
            Deployment primary = deployments.chat(TestDeployments.seeded("openai"), second, third);
            for (Deployment deployment : new Deployment[] {primary, second, third}) {
                deployments.fault(deployment, "status=503");
            }
            double releasedBefore = edge.metric(RELEASES, Map.of("outcome", "released"));

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));

            Map<String, Object> row = assertNothingServed(response, 503, "code", "providers_unavailable");
            assertThat(error(response).path("type").asString()).isEqualTo("service_unavailable_error");
            assertThat(Integer.parseInt(header(response, "retry-after"))).isGreaterThanOrEqualTo(1);
            assertThat(deployments.callsTo(primary) + deployments.callsTo(second)).isEqualTo(MAX_ATTEMPTS);
            assertThat(deployments.callsTo(third)).as("beyond the attempt cap").isZero();
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "overloaded", 503),
                    Attempts.failed(primary, "overloaded", 503), Attempts.failed(second, "overloaded", 503),
                    Attempts.failed(second, "overloaded", 503));
            assertThat(awaitIncrease(RELEASES, Map.of("outcome", "released"), releasedBefore))
                    .as("the quota reservation was released, not settled").isEqualTo(1.0);
        }
    }

    @Test
    void answers429WhenEveryCandidateIsRateLimited() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-all-limited")) {
            TestDeployments.Pair pair = deployments.pair(Map.of());
            Deployment primary = pair.primary();
            Deployment fallback = pair.fallback();
            deployments.fault(primary, "status=429;retry-after=20");
            deployments.fault(fallback, "status=429;retry-after=20");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), false));

            Map<String, Object> row = assertNothingServed(response, 429, "code", "rate_limit_exceeded");
            assertThat(Integer.parseInt(header(response, "retry-after"))).isBetween(1, 20);
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "rate_limited", 429),
                    Attempts.failed(fallback, "rate_limited", 429));
        }
    }

    /**
     * Streamed, because the first-token deadline is a stream's (a non-streamed call has only its total timeout);
     * before the first byte the client still gets a plain error response.
     */
    @Test
    void answers504WhenTheLastAttemptTimedOut() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-all-slow")) {
            long firstTokenMillis = 600;
            String impatient = deployments.provider("openai", Map.of("firstTokenMillis", firstTokenMillis));
            Deployment fallback = deployments.chat(impatient);
            Deployment primary = deployments.chat(impatient, fallback);
            deployments.fault(primary, "latency-ms=5000");
            deployments.fault(fallback, "latency-ms=5000");

            long started = System.nanoTime();
            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.chat(primary.model(), true));
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            Map<String, Object> row = assertNothingServed(response, 504, "type", "timeout_error");
            assertThat(tookMillis).as("one provider timeout per deployment, no retry of a missed first token")
                    .isBetween(2 * firstTokenMillis - 50, 4_000L);
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "first_token_timeout", 0),
                    Attempts.failed(fallback, "first_token_timeout", 0));
        }
    }

    @Test
    void failsOverAnEmbeddingRequestToAnEquivalentEmbeddingModel() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-embed")) {
            Deployment fallback = deployments.embedding(deployments.provider("openai", Map.of()));
            Deployment primary = deployments.embedding(TestDeployments.seeded("openai"), fallback);
            deployments.fault(primary, "status=502");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.embed(primary.model()));

            assertServed(response, fallback, "fallback", 3);
            assertThat(EdgeCalls.JSON.readTree(response.body()).path("data").get(0).path("embedding").size())
                    .isPositive();
            Map<String, Object> row = UsageRows.await(suite, requestId(response));
            assertThat(row).containsEntry("served_by", "fallback").containsEntry("served_model", fallback.upstream());
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "server_error", 502),
                    Attempts.failed(primary, "server_error", 502), Attempts.succeeded(fallback));
        }
    }

    @Test
    void retriesAnOverloadedAnthropicProviderBehindTheMessagesApi() throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-claude")) {
            Deployment primary = deployments.chat(TestDeployments.seeded("anthropic"));
            deployments.fault(primary, "status=529;times=1");

            HttpResponse<String> response = deployments.awaitRouted(primary, () -> edge.messages(primary.model()));

            assertServed(response, primary, "retry", 2);
            assertThat(EdgeCalls.JSON.readTree(response.body()).path("type").asString()).isEqualTo("message");
            Map<String, Object> row = deployments.billedRow(response, primary);
            assertThat(Attempts.of(row)).containsExactly(Attempts.failed(primary, "overloaded", 529),
                    Attempts.succeeded(primary));
        }
    }

    @Test
    void refusesFallbacksThatWouldFailOverInACircle() {
        try (TestDeployments deployments = new TestDeployments(suite, "r5-cycle")) {
            Deployment b = deployments.chat(TestDeployments.seeded("openai"));
            Deployment a = deployments.chat(TestDeployments.seeded("openai"), b);

            AdminApi.Response response = deployments.changeFallbacks(b, a);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().toString()).contains("would form a cycle " + b.model() + " -> " + a.model()
                    + " -> " + b.model());
        }
    }

    /** Waits up to 5 s for the counter to move (the edge may count after the response); answers by how much. */
    private double awaitIncrease(String metric, Map<String, String> labels, double before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        double now = edge.metric(metric, labels);
        while (now == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = edge.metric(metric, labels);
        }
        return now - before;
    }
}
