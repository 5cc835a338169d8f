package dev.switchboard.quota.reservation;

import dev.switchboard.contracts.error.ServiceError;
import dev.switchboard.serviceweb.ServiceException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal API over reservations: the edge gives one back when a request ended with nothing billed. */
@RestController
class ReservationController {

    private final Reservations reservations;

    ReservationController(Reservations reservations) {
        this.reservations = reservations;
    }

    /** Idempotent: a lease already released or expired answers 204 as well, so the edge may retry freely. */
    @PostMapping("/internal/v1/reservations/{reservationId}/release")
    ResponseEntity<Void> release(@PathVariable String reservationId) {
        reservations.release(new ReservationId(reservationId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/internal/v1/reservations/{reservationId}")
    ReservationView find(@PathVariable String reservationId) {
        return reservations.find(new ReservationId(reservationId))
                .orElseThrow(() -> ServiceException.notFound("no reservation '" + reservationId + "'"));
    }

    /** Redis is unreachable: the caller should retry soon; the lease's expiry releases it in any case. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ServiceError> unavailable(DataAccessException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(new ServiceError("overloaded", "reservations cannot be reached right now"));
    }
}
