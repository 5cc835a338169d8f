package dev.switchboard.quota.admission;

import dev.switchboard.contracts.error.ServiceError;
import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal API the edge calls once per request before dispatching it. */
@RestController
class AdmissionController {

    private final AdmissionService service;

    AdmissionController(AdmissionService service) {
        this.service = service;
    }

    /** A refusal is still 200: the decision is the answer; only an undecidable admission is an error. */
    @PostMapping("/internal/v1/admissions")
    AdmissionDecision admit(@RequestBody AdmissionRequest request) {
        return service.admit(request);
    }

    /** Fail-closed answer; handled here rather than in the shared advice because it needs Retry-After. */
    @ExceptionHandler(AdmissionUnavailableException.class)
    ResponseEntity<ServiceError> unavailable(AdmissionUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(new ServiceError("overloaded", e.getMessage()));
    }
}
