package dev.switchboard.quota.reservation;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Returns reservations whose lease ran out: the edge that held them died or lost quota-service before it could
 * release, and no usage event settled them. Every instance reaps; the release script makes that harmless.
 */
@Component
class ReservationReaper {

    private static final Logger log = LoggerFactory.getLogger(ReservationReaper.class);

    private final Reservations reservations;
    private final ReservationProperties properties;
    private final Clock clock;

    ReservationReaper(Reservations reservations, ReservationProperties properties, Clock clock) {
        this.reservations = reservations;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${switchboard.quota.reservations.reap-interval:1s}")
    void reap() {
        try {
            int reaped;
            do {
                reaped = reservations.reapExpired(clock.instant(), properties.reapBatch());
                if (reaped > 0) {
                    log.info("Returned {} reservations whose lease expired", reaped);
                }
            } while (reaped == properties.reapBatch());
        } catch (DataAccessException e) {
            log.debug("Cannot reap expired reservations while Redis is unreachable: {}", e.getMessage());
        }
    }
}
