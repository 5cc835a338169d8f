package dev.switchboard.quota.reservation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reservation leases in Redis, one JSON string per reservation under {@code switchboard:reservation:{id}}
 * (braces: a Redis Cluster hash tag, so later per-reservation keys can share its slot). Each lease is written
 * with its expiry in the same SET, one round trip on the admission path; an expired lease is a released one.
 * Redis failures surface as Spring's {@code DataAccessException}; callers decide what that means for them.
 */
@Component
public class ReservationLeases {

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final ReservationProperties properties;
    private final Counter created;
    private final Counter released;
    private final Counter missing;

    ReservationLeases(StringRedisTemplate redis, JsonMapper json, ReservationProperties properties,
                      MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.created = outcome(meters, "created");
        this.released = outcome(meters, "released");
        this.missing = outcome(meters, "missing");
    }

    /** Stores the lease with the configured lifetime (SET … PX). */
    public void create(ReservationId id, ReservationLease lease) {
        redis.opsForValue().set(key(id), json.writeValueAsString(lease), properties.lease().toMillis(),
                TimeUnit.MILLISECONDS);
        created.increment();
    }

    /** Deletes the lease; false when there was none (already released, or expired). */
    boolean release(ReservationId id) {
        boolean deleted = Boolean.TRUE.equals(redis.delete(key(id)));
        (deleted ? released : missing).increment();
        return deleted;
    }

    /** The live lease and its remaining lifetime. Two reads: this is for operators, not the hot path. */
    Optional<ReservationView> find(ReservationId id) {
        String stored = redis.opsForValue().get(key(id));
        if (stored == null) {
            return Optional.empty();
        }
        Long expiresInMillis = redis.getExpire(key(id), TimeUnit.MILLISECONDS);
        if (expiresInMillis == null || expiresInMillis == -2) {
            return Optional.empty(); // expired between the two reads
        }
        return Optional.of(ReservationView.of(json.readValue(stored, ReservationLease.class), expiresInMillis));
    }

    static String key(ReservationId id) {
        return "switchboard:reservation:{" + id.value() + "}";
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("switchboard.quota.reservations")
                .description("Reservation leases created, released, or released when already gone")
                .tag("outcome", outcome)
                .register(meters);
    }
}
