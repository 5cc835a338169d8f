package dev.switchboard.quota.reservation;

import dev.switchboard.quota.counter.CounterKeys;
import dev.switchboard.quota.counter.QuotaScripts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Reservations in Redis: a hash per reservation naming every counter it added to and how much, and a sorted set of
 * lease expiries. Release takes what a reservation holds back out of every counter in one script, idempotently.
 * Redis failures surface as Spring's {@code DataAccessException}; callers decide what that means for them.
 */
@Component
public class Reservations {

    private final StringRedisTemplate redis;
    private final Counter released;
    private final Counter missing;
    private final Counter reaped;

    Reservations(StringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        this.released = outcome(meters, "released");
        this.missing = outcome(meters, "missing");
        this.reaped = outcome(meters, "expired");
    }

    /** Returns what the reservation holds; false when there was none (settled, released or expired before). */
    boolean release(ReservationId id) {
        boolean done = runRelease(id.value());
        (done ? released : missing).increment();
        return done;
    }

    /** Returns up to {@code batch} reservations whose lease ended before {@code now}; how many were returned. */
    int reapExpired(Instant now, int batch) {
        var expired = redis.opsForZSet().rangeByScore(CounterKeys.LEASES, Double.NEGATIVE_INFINITY,
                now.toEpochMilli(), 0, batch);
        int count = 0;
        for (String reservationId : expired == null ? List.<String>of() : expired) {
            if (runRelease(reservationId)) {
                reaped.increment();
                count++;
            }
        }
        return count;
    }

    Optional<ReservationView> find(ReservationId id) {
        Map<Object, Object> fields = redis.opsForHash().entries(CounterKeys.reservation(id.value()));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> held = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            String name = field.toString();
            if (!name.startsWith("m|")) {
                held.put(name.substring(name.indexOf('|') + 1), Long.parseLong(value.toString()));
            }
        });
        return Optional.of(new ReservationView(id.value(), (String) fields.get("m|request"),
                (String) fields.get("m|key"), (String) fields.get("m|team"),
                Instant.ofEpochMilli(Long.parseLong((String) fields.get("m|expires"))), held));
    }

    private boolean runRelease(String reservationId) {
        Long result = redis.execute(QuotaScripts.RELEASE,
                List.of(CounterKeys.reservation(reservationId), CounterKeys.LEASES), reservationId);
        return result != null && result == 1;
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("switchboard.quota.reservations")
                .description("Reservations returned: released by an edge, already gone when released, or expired")
                .tag("outcome", outcome)
                .register(meters);
    }
}
