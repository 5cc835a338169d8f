package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka goes away under running services (issue 7's acceptance test): the edges keep serving, their usage events
 * wait in each edge's local spool, and once Kafka is back on its port with its data the spools are replayed and the
 * ledger holds every request exactly once. Kafka runs again when the test is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class UsageSpoolEndToEndTests {

    private static final String MODEL = "gpt-4o-mini";
    private static final int REQUESTS = 100;
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @Test
    void everyRequestServedWhileKafkaWasDownLandsInTheLedgerExactlyOnce() throws Exception {
        TestTeam team = new TestTeam(suite, "usage-spool");
        KeyedEdges edges = new KeyedEdges(suite, team.key("usage spool").secret());
        List<String> requestIds = new ArrayList<>();

        suite.stopKafka();
        try {
            for (int request = 0; request < REQUESTS; request++) {
                HttpResponse<String> response = edges.chat(1 + request % edges.replicas(), MODEL, 16);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                requestIds.add(response.headers().firstValue("x-request-id").orElseThrow());
            }
            // held back until every edge has given up on Kafka, so the events really travel through the spools
            await("every edge spooling", () -> sumOverEdges("switchboard_edge_usage_kafka_available") == 0);
            await("all events on the edges' disks",
                    () -> sumOverEdges("switchboard_edge_usage_spool_events") == REQUESTS);
            assertThat(team.ledger().rows()).as("ledger rows while Kafka is down").isZero();
        } finally {
            suite.startKafka();
        }

        await("ledger rows for all " + REQUESTS + " requests", () -> team.ledger().rows() >= REQUESTS);
        await("spools drained", () -> sumOverEdges("switchboard_edge_usage_spool_events") == 0
                && sumOverEdges("switchboard_edge_usage_kafka_available") == edges.replicas());
        // a replayed segment may reach Kafka twice; give any second copy time to arrive before counting
        Thread.sleep(3_000);
        assertThat(team.ledger().rows()).as("ledger rows, no duplicates").isEqualTo(REQUESTS);
        assertThat(team.ledger().served()).isEqualTo(REQUESTS);
        for (String requestId : requestIds) {
            assertThat(UsageRows.await(suite, requestId)).containsEntry("team_id", team.id());
        }
    }

    /** The sum of a gauge over every edge replica's Prometheus endpoint (its only labels are the application's). */
    private double sumOverEdges(String metric) throws Exception {
        double sum = 0;
        for (String edge : suite.edgeUrls()) {
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(edge + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            sum += scrape.body().lines()
                    .filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim()))
                    .findFirst().orElseThrow(() -> new AssertionError(edge + " exposes no " + metric));
        }
        return sum;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long from = System.nanoTime();
        while (!condition.call()) {
            assertThat(Duration.ofNanos(System.nanoTime() - from)).as("not within %s: %s", WITHIN, what)
                    .isLessThan(WITHIN);
            Thread.sleep(250);
        }
        System.out.printf("%s after %d ms%n", what, Duration.ofNanos(System.nanoTime() - from).toMillis());
    }
}
