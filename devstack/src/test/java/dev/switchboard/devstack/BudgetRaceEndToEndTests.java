package dev.switchboard.devstack;

import static dev.switchboard.devstack.KeyedEdges.errorCode;
import static dev.switchboard.devstack.KeyedEdges.retryAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many requests race one team's money budget through both edges at once: every admission reserves the request's
 * worst case atomically in Redis, so the budget is never overspent however the requests interleave, and once
 * everything has settled quota-service's {@code used} is exactly what the ledger billed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class BudgetRaceEndToEndTests {

    private static final String MODEL = "gpt-4o-mini";
    private static final String PERIOD = "month";
    private static final int MAX_TOKENS = 50;
    private static final int REQUESTS = 500;
    /** gpt-4o-mini as seeded (SuiteSeeder): USD per 1M tokens. */
    private static final BigDecimal INPUT_PRICE = new BigDecimal("0.15");
    private static final BigDecimal OUTPUT_PRICE = new BigDecimal("0.60");
    /** More than the edge's estimate of the short prompt below, role and message overhead included. */
    private static final int INPUT_TOKENS_BOUND = 30;
    /** How many requests the budget holds when each is reserved at its worst case. */
    private static final int FIT_AT_WORST_CASE = 50;

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    /**
     * A burst of the same size on a team without a budget, outcomes ignored. Right after the suite starts, the
     * C1-only service JVMs answered part of a 500-request burst past the edge's 2 s internal-call timeout (55
     * admissions refused with 503 in one run); the race is about the budget, not about a cold JVM.
     */
    private void warmUp() throws Exception {
        KeyedEdges edges = new KeyedEdges(suite, new TestTeam(suite, "budget-race-warm-up").key("warm-up").secret());
        List<CompletableFuture<HttpResponse<String>>> warming = new ArrayList<>();
        for (int request = 0; request < REQUESTS; request++) {
            warming.add(edges.chatAsync(1 + request % edges.replicas(), MODEL, MAX_TOKENS));
        }
        CompletableFuture.allOf(warming.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    /** One request's worst case: estimated input and all of max_tokens, at the model's price. */
    private static BigDecimal worstCase() {
        return INPUT_PRICE.multiply(BigDecimal.valueOf(INPUT_TOKENS_BOUND))
                .add(OUTPUT_PRICE.multiply(BigDecimal.valueOf(MAX_TOKENS)))
                .divide(BigDecimal.valueOf(1_000_000));
    }

    @Test
    void concurrentRequestsAcrossTwoEdgesNeverOverspendATeamsBudget() throws Exception {
        warmUp();
        TestTeam team = new TestTeam(suite, "budget-race");
        // 0.001725 USD; budgets take at most six decimal places
        BigDecimal hardLimit = worstCase().multiply(BigDecimal.valueOf(FIT_AT_WORST_CASE)).stripTrailingZeros();
        team.moneyBudget(PERIOD, hardLimit, null);
        KeyedEdges edges = new KeyedEdges(suite, team.key("budget race").secret());

        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        long started = System.nanoTime();
        for (int request = 0; request < REQUESTS; request++) {
            racing.add(edges.chatAsync(1 + request % edges.replicas(), MODEL, MAX_TOKENS));
        }
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long raced = System.nanoTime() - started;
        System.out.printf("budget race of %d requests over %d edges took %d ms: %s%n", REQUESTS, edges.replicas(),
                TimeUnit.NANOSECONDS.toMillis(raced), racing.stream().map(CompletableFuture::join)
                        .collect(Collectors.groupingBy(response -> response.statusCode() + " " + errorCode(response),
                                TreeMap::new, Collectors.counting())));

        int served = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> future : racing) {
            HttpResponse<String> response = future.join();
            if (response.statusCode() == 200) {
                served++;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                assertThat(errorCode(response)).as(response.body()).isEqualTo("budget_exceeded");
                assertThat(retryAfter(response)).as("Retry-After").isPositive();
                refused++;
            }
        }
        System.out.printf("budget race: %d served, %d refused, hard limit %s USD%n", served, refused,
                hardLimit.toPlainString());
        assertThat(served).as("served").isPositive();
        assertThat(refused).as("refused").isPositive();

        TestTeam.BudgetStatus status = team.awaitSettled(PERIOD, served);
        TestTeam.Ledger ledger = team.ledger();
        assertThat(ledger.served()).as("a ledger row per 200").isEqualTo(served);
        assertThat(ledger.cost()).as("billed in total").isLessThanOrEqualTo(hardLimit);
        assertThat(status.hardLimit()).isEqualByComparingTo(hardLimit);
        assertThat(status.used()).as("used, against the ledger's sum %s", ledger.cost())
                .isEqualByComparingTo(ledger.cost());
    }
}
