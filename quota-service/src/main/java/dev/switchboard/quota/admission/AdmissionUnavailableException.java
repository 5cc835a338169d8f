package dev.switchboard.quota.admission;

/** Admission cannot decide (Redis is unreachable) and the service is set to fail closed. */
class AdmissionUnavailableException extends RuntimeException {

    AdmissionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
