package dev.switchboard.quota.reservation;

import java.time.Instant;

/** What one admitted request holds, as stored in Redis. Budget amounts join here once budgets are reserved. */
public record ReservationLease(String requestId, String keyId, String teamId, String model, long maxOutputTokens,
                               Instant createdAt) {
}
