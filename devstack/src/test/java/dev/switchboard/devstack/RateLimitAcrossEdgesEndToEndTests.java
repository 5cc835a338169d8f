package dev.switchboard.devstack;

import static dev.switchboard.devstack.EdgeCalls.header;
import static dev.switchboard.devstack.KeyedEdges.errorCode;
import static dev.switchboard.devstack.KeyedEdges.retryAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A key's requests-per-minute limit holds across both edges: the count lives in Redis in a fixed window aligned to
 * the epoch minute, so a burst through two edges admits the limit and no more, the rest are refused with the time
 * to the window's end, and the next window admits again. A limit lowered through the admin API reaches both edges
 * within 5 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class RateLimitAcrossEdgesEndToEndTests {

    private static final String MODEL = "gpt-4o-mini";
    private static final int MAX_TOKENS = 16;
    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** A burst starts only with this much of its window left, so all of it lands in one window. */
    private static final Duration BURST_ROOM = Duration.ofSeconds(15);
    private static final Duration LIMIT_CHANGE_ALLOWED = Duration.ofSeconds(5);

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @Test
    void aBurstThroughBothEdgesAdmitsTheLimitOnceAndTheNextWindowAdmitsAgain() throws Exception {
        TestTeam team = new TestTeam(suite, "rpm-edges");
        TestTeam.Key key = team.key("rpm across edges");
        team.requestsPerMinute(key.scope(), LIMIT);
        KeyedEdges edges = new KeyedEdges(suite, key.secret());

        Instant windowEnd = awaitRoomInWindow();
        long leftAtStart = Duration.between(Instant.now(), windowEnd).toSeconds() + 1;
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int request = 0; request < 3 * LIMIT; request++) {
            burst.add(edges.chatAsync(1 + request % edges.replicas(), MODEL, MAX_TOKENS));
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(Instant.now()).as("the burst ended inside its window").isBefore(windowEnd);

        int admitted = 0;
        long longestRetryAfter = 0;
        for (CompletableFuture<HttpResponse<String>> future : burst) {
            HttpResponse<String> response = future.join();
            assertThat(header(response, "x-ratelimit-limit-requests")).as("limit header")
                    .isEqualTo(String.valueOf(LIMIT));
            assertThat(header(response, "x-ratelimit-remaining-requests")).as("remaining header").isNotNull();
            assertThat(header(response, "x-ratelimit-reset-requests")).as("reset header").isNotBlank();
            if (response.statusCode() == 200) {
                admitted++;
                continue;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
            assertThat(errorCode(response)).as(response.body()).isEqualTo("rate_limit_exceeded");
            assertThat(header(response, "x-ratelimit-remaining-requests")).isEqualTo("0");
            long retryAfter = retryAfter(response);
            assertThat(retryAfter).as("Retry-After").isBetween(1L, 60L);
            assertThat(retryAfter).as("Retry-After points at the window's end, not past it")
                    .isLessThanOrEqualTo(leftAtStart);
            longestRetryAfter = Math.max(longestRetryAfter, retryAfter);
        }
        System.out.printf("rpm burst of %d over %d edges: %d admitted (limit %d), longest Retry-After %d s%n",
                burst.size(), edges.replicas(), admitted, LIMIT, longestRetryAfter);
        assertThat(admitted).as("admitted across both edges").isBetween(LIMIT - 1, LIMIT + 1);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), windowEnd).toMillis()) + 200);
        for (int replica = 1; replica <= edges.replicas(); replica++) {
            HttpResponse<String> response = edges.chat(replica, MODEL, MAX_TOKENS);
            assertThat(response.statusCode()).as("edge %d in the next window: %s", replica, response.body())
                    .isEqualTo(200);
        }
    }

    @Test
    void aLoweredLimitTakesEffectOnBothEdgesWithinFiveSeconds() throws Exception {
        TestTeam team = new TestTeam(suite, "rpm-lowered");
        TestTeam.Key key = team.key("rpm lowered");
        team.requestsPerMinute(key.scope(), 1_000);
        KeyedEdges edges = new KeyedEdges(suite, key.secret());

        awaitRoomInWindow();
        for (int replica = 1; replica <= edges.replicas(); replica++) {
            assertThat(edges.chat(replica, MODEL, MAX_TOKENS).statusCode()).isEqualTo(200);
        }
        team.requestsPerMinute(key.scope(), edges.replicas());
        long loweredAt = System.nanoTime();

        for (int replica = 1; replica <= edges.replicas(); replica++) {
            HttpResponse<String> refused = awaitRateLimited(edges, replica, loweredAt);
            assertThat(header(refused, "x-ratelimit-limit-requests")).isEqualTo(String.valueOf(edges.replicas()));
        }
        System.out.printf("lowered limit enforced on every edge after %d ms%n",
                Duration.ofNanos(System.nanoTime() - loweredAt).toMillis());
    }

    /** Sends through {@code replica} every 100 ms until it answers 429 rate_limit_exceeded, within the allowance. */
    private static HttpResponse<String> awaitRateLimited(KeyedEdges edges, int replica, long from) throws Exception {
        while (true) {
            HttpResponse<String> response = edges.chat(replica, MODEL, MAX_TOKENS);
            if (response.statusCode() == 429) {
                assertThat(errorCode(response)).as(response.body()).isEqualTo("rate_limit_exceeded");
                return response;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - from)).as("edge %d still admits", replica)
                    .isLessThan(LIMIT_CHANGE_ALLOWED);
            Thread.sleep(100);
        }
    }

    /**
     * Waits, if need be, for the next window, so that at least {@code BURST_ROOM} is left of the current one;
     * answers the current window's end. Windows are aligned to the epoch minute.
     */
    private static Instant awaitRoomInWindow() throws InterruptedException {
        Instant now = Instant.now();
        Instant windowEnd = Instant.ofEpochSecond((now.getEpochSecond() / 60 + 1) * 60);
        if (Duration.between(now, windowEnd).compareTo(BURST_ROOM) < 0) {
            Thread.sleep(Duration.between(now, windowEnd).toMillis() + 100);
            windowEnd = windowEnd.plus(WINDOW);
        }
        return windowEnd;
    }
}
