package dev.switchboard.devstack;

import static dev.switchboard.devstack.EdgeCalls.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A budget's soft threshold warns without refusing: once a team's spend is past it, every edge still serves the
 * team and says so in {@code x-switchboard-budget-warning}; below it, no response carries the header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class BudgetWarningEndToEndTests {

    private static final String MODEL = "gpt-4o-mini";
    private static final String PERIOD = "month";
    private static final int MAX_TOKENS = 50;
    private static final String WARNING = "x-switchboard-budget-warning";
    /** A few requests' worth of gpt-4o-mini (about 35 millionths of a dollar each at worst), far below the limit. */
    private static final BigDecimal SOFT_THRESHOLD = new BigDecimal("0.0001");
    private static final int MAX_REQUESTS_TO_CROSS = 40;

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @Test
    void warnsPastTheSoftThresholdOnEveryEdgeAndStillServes() throws Exception {
        TestTeam team = new TestTeam(suite, "budget-warning");
        team.moneyBudget(PERIOD, new BigDecimal("10"), SOFT_THRESHOLD);
        KeyedEdges edges = new KeyedEdges(suite, team.key("budget warning").secret());

        HttpResponse<String> below = edges.chat(1, MODEL, MAX_TOKENS);
        assertThat(below.statusCode()).as(below.body()).isEqualTo(200);
        assertThat(header(below, WARNING)).as("nothing spent yet").isNull();

        int sent = 1;
        TestTeam.BudgetStatus status = team.awaitSettled(PERIOD, sent);
        while (status.used().compareTo(SOFT_THRESHOLD) < 0) {
            assertThat(sent).as("requests sent without crossing the soft threshold").isLessThan(MAX_REQUESTS_TO_CROSS);
            HttpResponse<String> response = edges.chat(1 + sent % edges.replicas(), MODEL, MAX_TOKENS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            sent++;
            status = team.awaitSettled(PERIOD, sent);
        }
        System.out.printf("soft threshold %s crossed after %d requests: used %s%n", SOFT_THRESHOLD, sent,
                status.used().toPlainString());

        for (int replica = 1; replica <= edges.replicas(); replica++) {
            HttpResponse<String> past = edges.chat(replica, MODEL, MAX_TOKENS);
            assertThat(past.statusCode()).as("a soft threshold does not refuse: %s", past.body()).isEqualTo(200);
            assertThat(header(past, WARNING)).as("edge %d past the soft threshold", replica).isNotBlank();
        }
    }
}
