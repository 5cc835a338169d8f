package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * usage-service dies between the database commit of a request's row and the commit of its Kafka offset, the one
 * window in which an event is both stored and redelivered: the ledger still holds it once. The window is hit on
 * purpose with usage-service's test-only fault hook {@code switchboard.usage.ingest.fault.halt-after-commit-of}.
 * The request ids are the edge's own, so the events are queued while usage-service is down and the hook is armed
 * for one of them when it starts. usage-service runs normally again when the test is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class LedgerCrashEndToEndTests {

    private static final String MODEL = "gpt-4o-mini";
    private static final String HALT_AFTER_COMMIT_OF = "switchboard.usage.ingest.fault.halt-after-commit-of";
    /** {@code HaltAfterCommitHook.HALT_STATUS}: the hook halted the JVM, it did not crash otherwise. */
    private static final int HALTED_BY_HOOK = 87;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @Test
    void storesTheEventRedeliveredAfterACrashBetweenDatabaseCommitAndOffsetCommitOnce() throws Exception {
        TestTeam team = new TestTeam(suite, "ledger-crash");
        KeyedEdges edges = new KeyedEdges(suite, team.key("ledger crash").secret());
        List<String> requestIds = new ArrayList<>();
        String victim;
        suite.killUsage();
        try {
            for (int i = 0; i < 8; i++) {
                HttpResponse<String> response = edges.chat(1 + i % edges.replicas(), MODEL, 16);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                requestIds.add(response.headers().firstValue("x-request-id").orElseThrow());
            }
            // one team, one key, so one partition: the events after the victim's wait behind it
            victim = requestIds.get(3);
            suite.startUsage(Map.of(HALT_AFTER_COMMIT_OF, victim));
            assertThat(suite.awaitUsageExit(Duration.ofSeconds(180))).isEqualTo(HALTED_BY_HOOK);
            assertThat(UsageRows.awaitCounts(suite, List.of(victim), Duration.ofSeconds(5)))
                    .as("the victim's row was committed before the halt").containsEntry(victim, 1);
        } finally {
            // normally halted already; if the hook never fired, the armed instance must not stay
            suite.killUsage();
            suite.restartUsage();
        }

        Map<String, Integer> rows = UsageRows.awaitCounts(suite, requestIds, Duration.ofSeconds(120));
        assertThat(rows).hasSize(requestIds.size()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(team.ledger().rows()).isEqualTo(requestIds.size());
        // the victim really came again, and was recognised by its request id
        assertThat(duplicatesIgnored()).isGreaterThanOrEqualTo(1);
    }

    /** usage-service's count of redelivered events it ignored, since its last start. */
    private double duplicatesIgnored() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                        URI.create(suite.usageUrl() + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("switchboard_usage_ingest_events_total")
                        && line.contains("outcome=\"duplicate\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
