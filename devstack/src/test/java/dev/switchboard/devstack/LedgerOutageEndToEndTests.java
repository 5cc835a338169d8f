package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

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
 * usage-service's PostgreSQL server stops during traffic: the gateway keeps serving (the ledger is off the hot
 * path), usage-service keeps retrying without committing offsets, and once the server is back every request's event
 * lands exactly once. The server runs again, on its port and with its data, when the test is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class LedgerOutageEndToEndTests {

    private static final String MODEL = "gpt-4o-mini";
    private static final int MAX_TOKENS = 16;
    private static final int DURING_OUTAGE = 30;

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @Test
    void servesWhileTheLedgerDatabaseIsDownAndRecordsEveryRequestOnceItIsBack() throws Exception {
        TestTeam team = new TestTeam(suite, "ledger-outage");
        KeyedEdges edges = new KeyedEdges(suite, team.key("ledger outage").secret());
        List<String> before = send(edges, 3);
        assertThat(UsageRows.awaitCounts(suite, before, Duration.ofSeconds(30))).allSatisfy((id, rows) ->
                assertThat(rows).as(id).isEqualTo(1));

        List<String> during;
        suite.stopLedgerDatabase();
        try {
            during = send(edges, DURING_OUTAGE);
            // long enough for usage-service to fail, back off and retry a few times
            Thread.sleep(8_000);
            assertThat(team.ledgerIfReachable()).as("the ledger database is down").isNull();
        } finally {
            suite.startLedgerDatabase();
        }
        List<String> after = send(edges, 3);

        List<String> all = new ArrayList<>(before);
        all.addAll(during);
        all.addAll(after);
        Map<String, Integer> rows = UsageRows.awaitCounts(suite, all, Duration.ofSeconds(90));
        assertThat(rows).hasSize(all.size()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(team.ledger().rows()).isEqualTo(all.size());
    }

    /** Sends {@code count} chats across the edges, insists on a 200 for each, and answers their request ids. */
    private static List<String> send(KeyedEdges edges, int count) throws Exception {
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = edges.chat(1 + i % edges.replicas(), MODEL, MAX_TOKENS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            requestIds.add(response.headers().firstValue("x-request-id").orElseThrow());
        }
        return requestIds;
    }
}
