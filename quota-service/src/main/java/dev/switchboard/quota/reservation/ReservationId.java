package dev.switchboard.quota.reservation;

import dev.switchboard.serviceweb.ServiceException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id admission hands out and the edge later refers to. Checked before it reaches a Redis key, so a caller
 * cannot address keys outside {@code switchboard:reservation:*} or make an unbounded one.
 */
public record ReservationId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ReservationId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ServiceException.invalid("reservation id must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    public static ReservationId next() {
        return new ReservationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
