package dev.switchboard.quota.reservation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reservation settings ({@code switchboard.quota.reservations.*}).
 *
 * @param lease        how long a reservation lives when nobody settles or releases it (an edge died mid-request);
 *                     longer than the slowest request, short enough that lost reservations come back soon
 * @param reapInterval how often each instance returns the reservations whose lease has run out
 * @param reapBatch    reservations returned per Redis read while reaping
 */
@Validated
@ConfigurationProperties("switchboard.quota.reservations")
public record ReservationProperties(@NotNull @DefaultValue("10m") Duration lease,
                                    @NotNull @DefaultValue("1s") Duration reapInterval,
                                    @DefaultValue("500") int reapBatch) {
}
