package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.devstack.TestDeployments.Deployment;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An edge that dies mid-request never settles nor releases its reservation; the reservation's lease does: once it
 * expires, quota-service's reaper returns the amount to the budget, and nothing is billed for it. The suite runs
 * quota-service with a short lease (see {@link SuiteSettings#forTests}); edge 2 runs again when the test is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class ReservationLeaseEndToEndTests {

    private static final String PERIOD = "month";
    private static final int MAX_TOKENS = 50;
    private static final int KILLED_EDGE = 2;
    /** The lease, a few reaper passes, and the status read. */
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(4 + 6);

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @Test
    void aKilledEdgesReservationIsReturnedToTheBudgetWhenItsLeaseExpires() throws Exception {
        Duration lease = Duration.parse("PT" + suite.settings().quotaProperties()
                .get("switchboard.quota.reservations.lease").toUpperCase());
        assertThat(lease).isLessThan(RELEASED_WITHIN);
        TestTeam team = new TestTeam(suite, "lease");
        team.moneyBudget(PERIOD, new BigDecimal("10"), null);
        KeyedEdges edges = new KeyedEdges(suite, team.key("lease").secret());

        try (TestDeployments deployments = new TestDeployments(suite, "lease")) {
            Deployment slow = deployments.chat(TestDeployments.seeded("openai"));
            HttpResponse<String> first = deployments.awaitRouted(slow,
                    () -> edges.chat(KILLED_EDGE, slow.model(), MAX_TOKENS));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            BigDecimal usedBefore = team.awaitSettled(PERIOD, 1).used();
            assertThat(usedBefore).isPositive();

            // the provider takes its time with the headers; the edge waits up to its first-token timeout, and is
            // killed long before that
            deployments.fault(slow, "latency-ms=30000");
            CompletableFuture<HttpResponse<String>> inFlight = edges.chatAsync(KILLED_EDGE, slow.model(), MAX_TOKENS);
            TestTeam.BudgetStatus reserved = awaitReserved(team);
            assertThat(reserved.used()).isEqualByComparingTo(usedBefore);

            long killedAt = System.nanoTime();
            suite.killEdge(KILLED_EDGE);
            try {
                assertThat(inFlight).failsWithin(10, TimeUnit.SECONDS);
                TestTeam.BudgetStatus released = awaitReleased(team, killedAt);
                System.out.printf("reservation of the killed edge returned %d ms after the kill (lease %s)%n",
                        Duration.ofNanos(System.nanoTime() - killedAt).toMillis(), lease);
                assertThat(released.used()).as("the released reservation is not billed")
                        .isEqualByComparingTo(usedBefore);
                assertThat(team.ledger().cost()).isEqualByComparingTo(usedBefore);
            } finally {
                suite.restartEdge(KILLED_EDGE);
            }
        }
    }

    /** Polls until the slow request's reservation shows, within a few seconds. */
    private static TestTeam.BudgetStatus awaitReserved(TestTeam team) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        TestTeam.BudgetStatus status = team.moneyStatus(PERIOD);
        while (status.reserved() == null || status.reserved().signum() <= 0) {
            assertThat(System.nanoTime()).as("no reservation shows for the request in flight: " + status.body())
                    .isLessThan(deadline);
            Thread.sleep(50);
            status = team.moneyStatus(PERIOD);
        }
        return status;
    }

    private static TestTeam.BudgetStatus awaitReleased(TestTeam team, long from) throws Exception {
        TestTeam.BudgetStatus status = team.moneyStatus(PERIOD);
        while (!status.settled()) {
            assertThat(Duration.ofNanos(System.nanoTime() - from)).as("still reserved: " + status.body())
                    .isLessThan(RELEASED_WITHIN);
            Thread.sleep(200);
            status = team.moneyStatus(PERIOD);
        }
        return status;
    }
}
