package dev.switchboard.quota.admission;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.quota.key.ApiKey;
import dev.switchboard.quota.limit.RateLimitDecision;
import dev.switchboard.quota.limit.RequestRateLimiter;
import dev.switchboard.quota.reservation.ReservationId;
import dev.switchboard.quota.reservation.ReservationLease;
import dev.switchboard.quota.reservation.ReservationLeases;
import dev.switchboard.serviceweb.ServiceException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Decides whether one request may go to a provider: the key must still be active and within its
 * requests-per-minute limit. Every admitted request gets a reservation lease in Redis, which the edge releases
 * when nothing was billed and which expires by itself when the edge never comes back. Token quotas and budget
 * amounts will join here as further checks.
 */
@Service
class AdmissionService {

    static final String KEY_REVOKED = "key_revoked";
    static final String KEY_UNKNOWN = "key_unknown";
    static final String RATE_LIMITED = "rate_limited";
    /** remainingRequests for a key without a request-rate limit. */
    static final long UNLIMITED = -1;

    private static final Logger log = LoggerFactory.getLogger(AdmissionService.class);

    private final KeyPolicyCache keys;
    private final RequestRateLimiter rateLimiter;
    private final ReservationLeases leases;
    private final AdmissionProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    AdmissionService(KeyPolicyCache keys, RequestRateLimiter rateLimiter, ReservationLeases leases,
                     AdmissionProperties properties, Clock clock, MeterRegistry meters) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    AdmissionDecision admit(AdmissionRequest request) {
        validate(request);
        AdmissionDecision decision = decide(request);
        meters.counter("switchboard.quota.admissions",
                "outcome", decision.admitted() ? "admitted" : decision.reason()).increment();
        return decision;
    }

    private AdmissionDecision decide(AdmissionRequest request) {
        Optional<ApiKey> found = keys.find(request.keyId());
        if (found.isEmpty()) {
            return AdmissionDecision.reject(KEY_UNKNOWN, 0);
        }
        ApiKey key = found.get();
        if (!key.teamId().equals(request.teamId())) {
            throw ServiceException.invalid("key '" + key.id() + "' does not belong to team '" + request.teamId() + "'");
        }
        if (!key.active()) {
            return AdmissionDecision.reject(KEY_REVOKED, 0);
        }
        if (key.requestsPerMinute() == null) {
            return admitted(request, UNLIMITED);
        }
        RateLimitDecision limit;
        try {
            limit = rateLimiter.tryAcquire(key.id(), key.requestsPerMinute(), clock.instant());
        } catch (DataAccessException e) {
            return redisUnavailable(key, e);
        }
        return limit.allowed()
                ? admitted(request, limit.remaining())
                : AdmissionDecision.reject(RATE_LIMITED, limit.retryAfterSeconds());
    }

    private AdmissionDecision redisUnavailable(ApiKey key, DataAccessException e) {
        if (!properties.failOpen()) {
            throw new AdmissionUnavailableException("rate limits cannot be checked right now", e);
        }
        // Fail-open is an explicit operator choice: availability over limits while Redis is down.
        log.warn("Redis unavailable, admitting key {} without a rate-limit check (fail-open): {}",
                key.id(), e.getMessage());
        // no lease either: Redis has just failed, and a second attempt would only add its timeout
        return AdmissionDecision.admit(ReservationId.next().value(), UNLIMITED);
    }

    private AdmissionDecision admitted(AdmissionRequest request, long remainingRequests) {
        ReservationId id = ReservationId.next();
        try {
            leases.create(id, new ReservationLease(request.requestId(), request.keyId(), request.teamId(),
                    request.model(), request.maxOutputTokens(), clock.instant()));
        } catch (DataAccessException e) {
            if (!properties.failOpen()) {
                throw new AdmissionUnavailableException("reservations cannot be recorded right now", e);
            }
            log.warn("Redis unavailable, admitting key {} without a reservation lease (fail-open): {}",
                    request.keyId(), e.getMessage());
        }
        return AdmissionDecision.admit(id.value(), remainingRequests);
    }

    private static void validate(AdmissionRequest request) {
        if (isBlank(request.requestId()) || isBlank(request.keyId()) || isBlank(request.teamId())) {
            throw ServiceException.invalid("requestId, keyId and teamId are required");
        }
        if (request.estimatedInputTokens() < 0 || request.maxOutputTokens() < 0) {
            throw ServiceException.invalid("estimatedInputTokens and maxOutputTokens must not be negative");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
