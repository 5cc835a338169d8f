package dev.switchboard.quota.reservation;

import java.time.Instant;
import java.util.Map;

/**
 * A live reservation as operators and tests read it.
 *
 * @param held what it holds per counter key: tokens, nano-units of money, or 1 concurrent request
 */
record ReservationView(String reservationId, String requestId, String keyId, String teamId, Instant leaseExpiresAt,
                       Map<String, Long> held) {
}
