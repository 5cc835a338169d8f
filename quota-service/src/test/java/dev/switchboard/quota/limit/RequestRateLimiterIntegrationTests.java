package dev.switchboard.quota.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.RedisFixture;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.testkit.server.FreePorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The rate-limit Lua script on a real Redis, without Spring Boot in the way. */
class RequestRateLimiterIntegrationTests {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:45.250Z");
    static final long WINDOW_START = NOW.getEpochSecond() - 45;

    static LettuceConnectionFactory connections;
    static StringRedisTemplate redis;
    static RequestRateLimiter limiter;

    @BeforeAll
    static void connect() {
        RedisFixture fixture = SwitchboardInfrastructure.redis();
        fixture.flushAll();
        connections = connectionFactory(fixture.host(), fixture.port());
        redis = new StringRedisTemplate(connections);
        limiter = new RequestRateLimiter(redis);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void admitsUpToTheLimitThenRefusesUntilTheWindowEnds() {
        String keyId = newKeyId();

        assertThat(limiter.tryAcquire(keyId, 3, NOW)).isEqualTo(new RateLimitDecision(true, 2, 15));
        assertThat(limiter.tryAcquire(keyId, 3, NOW)).isEqualTo(new RateLimitDecision(true, 1, 15));
        assertThat(limiter.tryAcquire(keyId, 3, NOW)).isEqualTo(new RateLimitDecision(true, 0, 15));
        assertThat(limiter.tryAcquire(keyId, 3, NOW)).isEqualTo(new RateLimitDecision(false, 0, 15));
        assertThat(limiter.tryAcquire(keyId, 3, NOW.plusSeconds(14))).isEqualTo(new RateLimitDecision(false, 0, 1));
    }

    @Test
    void doesNotCountRefusedRequests() {
        String keyId = newKeyId();
        for (int i = 0; i < 8; i++) {
            limiter.tryAcquire(keyId, 3, NOW);
        }

        assertThat(redis.opsForValue().get(counterKey(keyId))).isEqualTo("3");
    }

    @Test
    void expiresTheCounterAfterTwoWindows() {
        String keyId = newKeyId();
        limiter.tryAcquire(keyId, 5, NOW);

        Long ttl = redis.getExpire(counterKey(keyId), TimeUnit.SECONDS);

        assertThat(ttl).isBetween(110L, 120L);
    }

    @Test
    void startsAFreshCountInTheNextWindow() {
        String keyId = newKeyId();
        limiter.tryAcquire(keyId, 1, NOW);
        assertThat(limiter.tryAcquire(keyId, 1, NOW).allowed()).isFalse();

        RateLimitDecision nextWindow = limiter.tryAcquire(keyId, 1, NOW.plusSeconds(15));

        assertThat(nextWindow).isEqualTo(new RateLimitDecision(true, 0, 60));
    }

    @Test
    void countsEachKeySeparately() {
        String first = newKeyId();
        String second = newKeyId();
        limiter.tryAcquire(first, 1, NOW);

        assertThat(limiter.tryAcquire(first, 1, NOW).allowed()).isFalse();
        assertThat(limiter.tryAcquire(second, 1, NOW).allowed()).isTrue();
    }

    @Test
    void refusesEverythingAtLimitZero() {
        String keyId = newKeyId();

        assertThat(limiter.tryAcquire(keyId, 0, NOW)).isEqualTo(new RateLimitDecision(false, 0, 15));
        assertThat(redis.hasKey(counterKey(keyId))).isFalse();
    }

    @Test
    void admitsExactlyTheLimitUnderConcurrency() throws Exception {
        String keyId = newKeyId();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RateLimitDecision>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return limiter.tryAcquire(keyId, 10, NOW);
                }));
            }
            start.countDown();
            List<RateLimitDecision> decisions = new ArrayList<>();
            for (Future<RateLimitDecision> attempt : attempts) {
                decisions.add(attempt.get(10, TimeUnit.SECONDS));
            }

            assertThat(decisions).filteredOn(RateLimitDecision::allowed).hasSize(10)
                    .extracting(RateLimitDecision::remaining)
                    .containsExactlyInAnyOrder(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);
            assertThat(redis.opsForValue().get(counterKey(keyId))).isEqualTo("10");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failsWithDataAccessExceptionWhenRedisIsUnreachable() {
        LettuceConnectionFactory dead = connectionFactory("127.0.0.1", FreePorts.next());
        try {
            RequestRateLimiter unreachable = new RequestRateLimiter(new StringRedisTemplate(dead));

            assertThatThrownBy(() -> unreachable.tryAcquire(newKeyId(), 10, NOW))
                    .isInstanceOf(DataAccessException.class);
        } finally {
            dead.destroy();
        }
    }

    private static String counterKey(String keyId) {
        return "quota:rpm:{" + keyId + "}:" + WINDOW_START;
    }

    private static String newKeyId() {
        return "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static LettuceConnectionFactory connectionFactory(String host, int port) {
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(500))
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port), client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
