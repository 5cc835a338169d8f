package dev.switchboard.quota.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Requests-per-minute limit per key: one atomic Lua script per check over a fixed 60 s window keyed
 * {@code quota:rpm:{keyId}:{windowStartEpochSecond}}. The braces are a Redis Cluster hash tag, so every
 * counter of one key lands in the same slot and later scripts can touch several of them at once.
 * Redis failures surface as Spring's {@code DataAccessException}; the caller decides fail-closed or open.
 */
@Component
public class RequestRateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Counters outlive their window by one more window, enough for instances whose clocks differ a little. */
    static final Duration COUNTER_TTL = WINDOW.multipliedBy(2);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT =
            RedisScript.of(new ClassPathResource("redis/request-rate-limit.lua"), List.class);

    private final StringRedisTemplate redis;

    public RequestRateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one request against {@code limit} in the window containing {@code now}, unless it is over. */
    public RateLimitDecision tryAcquire(String keyId, int limit, Instant now) {
        FixedWindow window = FixedWindow.containing(now, WINDOW);
        List<?> result = redis.execute(SCRIPT, List.of(counterKey(keyId, window)),
                Integer.toString(limit), Long.toString(COUNTER_TTL.toSeconds()));
        if (result == null || result.size() != 2) {
            throw new IllegalStateException("rate-limit script returned " + result);
        }
        boolean allowed = ((Number) result.get(0)).longValue() == 1;
        long count = ((Number) result.get(1)).longValue();
        return new RateLimitDecision(allowed, allowed ? Math.max(0, limit - count) : 0, window.secondsUntilEnd(now));
    }

    static String counterKey(String keyId, FixedWindow window) {
        return "quota:rpm:{" + keyId + "}:" + window.startEpochSecond();
    }
}
