package dev.switchboard.quota.admission;

import dev.switchboard.quota.counter.FixedWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Request-rate limits counted in this instance's memory, used only while Redis is down and fail-open is set: each
 * instance then admits at most the limit per window, so a runaway client stays bounded (by the limit times the
 * number of instances) even without the shared counters. Token limits and budgets are not enforced meanwhile.
 */
@Component
class LocalFallbackLimits {

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private volatile long window = -1;

    /** Counts the request against every request-rate check; the first one over its limit, if any. */
    Optional<AdmissionCheck> tryAcquire(List<AdmissionCheck> checks, Instant now) {
        long current = FixedWindow.containing(now, AdmissionPlanner.WINDOW).startEpochSecond();
        if (current != window) {
            // counter keys name their window, so old windows' counters are simply dropped
            counters.clear();
            window = current;
        }
        for (AdmissionCheck check : checks) {
            if (check.kind() == CheckKind.REQUESTS
                    && counters.computeIfAbsent(check.counterKey(), key -> new AtomicLong()).incrementAndGet()
                    > check.limit()) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }
}
