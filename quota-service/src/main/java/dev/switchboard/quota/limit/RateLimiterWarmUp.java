package dev.switchboard.quota.limit;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Opens the Redis connection and loads the rate-limit script before the service reports ready. Otherwise the
 * first admission pays for both and, on a busy machine, can outlast the edge's internal timeout. A check
 * with limit 0 is refused without counting, so it leaves nothing behind. Redis being down at startup is not
 * fatal: admissions fail closed until it returns.
 */
@Component
class RateLimiterWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RateLimiterWarmUp.class);

    private final RequestRateLimiter limiter;

    RateLimiterWarmUp(RequestRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            limiter.tryAcquire("warm-up", 0, Instant.now());
        } catch (DataAccessException e) {
            log.warn("Redis is not reachable at startup; admissions fail closed until it is: {}", e.getMessage());
        }
    }
}
