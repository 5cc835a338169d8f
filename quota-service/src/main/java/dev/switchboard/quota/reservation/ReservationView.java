package dev.switchboard.quota.reservation;

import java.time.Instant;

/** A live lease as operators and tests read it: the stored fields and how long it has left. */
record ReservationView(String requestId, String keyId, String teamId, String model, long maxOutputTokens,
                       Instant createdAt, long expiresInMillis) {

    static ReservationView of(ReservationLease lease, long expiresInMillis) {
        return new ReservationView(lease.requestId(), lease.keyId(), lease.teamId(), lease.model(),
                lease.maxOutputTokens(), lease.createdAt(), expiresInMillis);
    }
}
