package dev.switchboard.quota.reservation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reservation settings ({@code switchboard.quota.reservations.*}).
 *
 * @param lease how long a reservation lives when nobody settles or releases it (an edge died mid-request);
 *              longer than the slowest request, short enough that lost reservations come back soon
 */
@Validated
@ConfigurationProperties("switchboard.quota.reservations")
record ReservationProperties(@NotNull @DefaultValue("10m") Duration lease) {
}
