package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite's second edge replica, on which the quota tests race across edges: both edges serve the same keys
 * from the same services, and one killed with SIGKILL is gone at once while the other keeps serving, then serves
 * again after a restart on its port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class EdgeReplicasEndToEndTests {

    private LocalSuite suite;
    private KeyedEdges edges;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
        this.edges = new KeyedEdges(suite, suite.demoKey());
    }

    @Test
    void everyEdgeReplicaServesTheSameKey() throws Exception {
        assertThat(suite.edgeUrls()).hasSize(2).doesNotHaveDuplicates();
        for (int replica = 1; replica <= edges.replicas(); replica++) {
            HttpResponse<String> response = edges.chat(replica, "gpt-4o-mini", 16);
            assertThat(response.statusCode()).as("edge %d: %s", replica, response.body()).isEqualTo(200);
            assertThat(UsageRows.await(suite, EdgeCalls.requestId(response))).containsEntry("status", 200);
        }
    }

    @Test
    void aKilledEdgeIsGoneAtOnceWhileTheOtherServesAndServesAgainAfterARestart() throws Exception {
        try {
            suite.killEdge(2);
            assertThatThrownBy(() -> edges.chat(2, "gpt-4o-mini", 16)).as("nothing listens on the killed edge")
                    .isInstanceOf(IOException.class);
            assertThat(edges.chat(1, "gpt-4o-mini", 16).statusCode()).isEqualTo(200);
        } finally {
            long restarting = System.nanoTime();
            suite.restartEdge(2);
            System.out.printf("edge 2 restarted in %d ms%n", Duration.ofNanos(System.nanoTime() - restarting).toMillis());
        }
        HttpResponse<String> response = edges.chat(2, "gpt-4o-mini", 16);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
