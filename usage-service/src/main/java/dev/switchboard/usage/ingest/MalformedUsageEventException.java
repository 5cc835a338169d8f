package dev.switchboard.usage.ingest;

/**
 * A message that can never become a ledger row however often it is retried (a "poison" message). The error
 * handler sends it to the dead-letter topic instead of retrying, so it cannot block its partition.
 */
class MalformedUsageEventException extends RuntimeException {

    MalformedUsageEventException(String message) {
        super(message);
    }

    MalformedUsageEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
