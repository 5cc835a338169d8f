package dev.switchboard.devstack;

import static dev.switchboard.devstack.KeyedEdges.errorCode;
import static dev.switchboard.devstack.KeyedEdges.retryAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Redis, where admission counts and reserves, goes away under running services: the edges refuse with 503 and a
 * Retry-After (fail-closed, the default), never a 500; an empty Redis on the same port is found again within
 * seconds without restarting any service, and the budget's spend is rebuilt from the ledger rather than
 * forgotten. Redis runs again, on its port, when each test is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class RedisOutageEndToEndTests {

    private static final String MODEL = "gpt-4o-mini";
    private static final String PERIOD = "month";
    private static final int MAX_TOKENS = 50;
    private static final Duration BACK_WITHIN = Duration.ofSeconds(10);

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @Test
    void refusesWithRetryAfterWhileRedisIsDownAndAdmitsAgainOnceAnEmptyOneIsBack() throws Exception {
        TestTeam team = new TestTeam(suite, "redis-outage");
        KeyedEdges edges = new KeyedEdges(suite, team.key("redis outage").secret());
        for (int replica = 1; replica <= edges.replicas(); replica++) {
            assertThat(edges.chat(replica, MODEL, MAX_TOKENS).statusCode()).isEqualTo(200);
        }

        suite.stopRedis();
        try {
            for (int replica = 1; replica <= edges.replicas(); replica++) {
                assertUnavailable(edges.chat(replica, MODEL, MAX_TOKENS));
            }
        } finally {
            suite.startEmptyRedis();
        }
        awaitAdmittedEverywhere(edges);
    }

    @Test
    void rebuildsTheBudgetsSpendFromTheLedgerWhenRedisComesBackEmpty() throws Exception {
        TestTeam team = new TestTeam(suite, "redis-rebuild");
        team.moneyBudget(PERIOD, new BigDecimal("10"), null);
        KeyedEdges edges = new KeyedEdges(suite, team.key("redis rebuild").secret());
        for (int request = 0; request < 4; request++) {
            assertThat(edges.chat(1 + request % edges.replicas(), MODEL, MAX_TOKENS).statusCode()).isEqualTo(200);
        }
        TestTeam.BudgetStatus spent = team.awaitSettled(PERIOD, 4);
        TestTeam.Ledger ledger = team.ledger();
        assertThat(ledger.cost()).isPositive();
        assertThat(spent.used()).as("used before the outage").isEqualByComparingTo(ledger.cost());

        suite.stopRedis();
        try {
            assertUnavailable(edges.chat(1, MODEL, MAX_TOKENS));
        } finally {
            suite.startEmptyRedis();
        }
        int admitted = awaitAdmittedEverywhere(edges);

        TestTeam.BudgetStatus rebuilt = team.awaitSettled(PERIOD, 4 + admitted);
        TestTeam.Ledger after = team.ledger();
        assertThat(after.served()).isEqualTo(4 + admitted);
        assertThat(rebuilt.used()).as("used after Redis came back empty: rebuilt from the ledger, not forgotten")
                .isEqualByComparingTo(after.cost());
        assertThat(rebuilt.used()).isGreaterThan(spent.used());
    }

    /** A 503 in OpenAI's error shape with a Retry-After: the client may try again, nothing is broken for good. */
    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(retryAfter(response)).as("Retry-After").isPositive();
        JsonNode error = EdgeCalls.JSON.readTree(response.body()).path("error");
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("type").asString()).isEqualTo("service_unavailable_error");
        assertThat(errorCode(response)).isNotBlank();
    }

    /**
     * Sends through each edge in turn every 100 ms until each has admitted a request, failing past
     * {@code BACK_WITHIN}; answers how many were admitted (one per edge).
     */
    private int awaitAdmittedEverywhere(KeyedEdges edges) throws Exception {
        long from = System.nanoTime();
        int admitted = 0;
        for (int replica = 1; replica <= edges.replicas(); replica++) {
            while (true) {
                HttpResponse<String> response = edges.chat(replica, MODEL, MAX_TOKENS);
                if (response.statusCode() == 200) {
                    admitted++;
                    break;
                }
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - from)).as("edge %d still refuses", replica)
                        .isLessThan(BACK_WITHIN);
                Thread.sleep(100);
            }
        }
        System.out.printf("admitted on every edge %d ms after Redis came back%n",
                Duration.ofNanos(System.nanoTime() - from).toMillis());
        return admitted;
    }
}
