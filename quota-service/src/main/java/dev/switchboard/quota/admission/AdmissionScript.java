package dev.switchboard.quota.admission;

import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.quota.counter.CounterKeys;
import dev.switchboard.quota.counter.QuotaScripts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Runs {@code admit.lua}: one round trip checks and applies every counter of a request. */
@Component
class AdmissionScript {

    /** How long a reservation's hash outlives its lease, should the lease index itself be lost. */
    static final Duration HASH_GRACE = Duration.ofHours(1);

    /**
     * The script's answer: rebuild first, or refused at one check, or admitted. {@code before} holds each counter's
     * value before this request: every counter when admitted, those up to the refusing one when refused.
     */
    record Outcome(boolean rebuildNeeded, int refusedAt, long[] before) {

        boolean admitted() {
            return !rebuildNeeded && refusedAt < 0;
        }
    }

    private final StringRedisTemplate redis;

    AdmissionScript(StringRedisTemplate redis) {
        this.redis = redis;
    }

    Outcome run(List<AdmissionCheck> checks, String reservationId, AdmissionRequest request, Instant now,
                Instant leaseExpiry) {
        List<String> keys = new ArrayList<>(3 + checks.size());
        keys.add(CounterKeys.REBUILT);
        keys.add(CounterKeys.LEASES);
        keys.add(CounterKeys.reservation(reservationId));
        List<String> args = new ArrayList<>(8 + 4 * checks.size());
        args.add(Long.toString(now.toEpochMilli()));
        args.add(reservationId);
        args.add(Long.toString(leaseExpiry.toEpochMilli()));
        args.add(Long.toString(leaseExpiry.plus(HASH_GRACE).toEpochMilli()));
        args.add(request.requestId());
        args.add(request.keyId());
        args.add(request.teamId());
        args.add(Integer.toString(checks.size()));
        for (AdmissionCheck check : checks) {
            keys.add(check.counterKey());
            args.add(check.kind().code());
            args.add(Long.toString(check.limit()));
            args.add(Long.toString(check.amount()));
            args.add(Long.toString(check.expiry()));
        }
        List<?> result = redis.execute(QuotaScripts.ADMIT, keys, args.toArray());
        if (result == null || result.isEmpty()) {
            throw new IllegalStateException("admission script returned " + result);
        }
        long status = number(result.get(0));
        if (status == -1) {
            return new Outcome(true, -1, new long[0]);
        }
        boolean refused = status == 0;
        int offset = refused ? 2 : 1;
        long[] before = new long[result.size() - offset];
        for (int i = 0; i < before.length; i++) {
            before[i] = number(result.get(i + offset));
        }
        return new Outcome(false, refused ? (int) number(result.get(1)) - 1 : -1, before);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
