package dev.switchboard.quota.rebuild;

/** Budget counters need a rebuild and the ledger cannot be read right now. */
public class RebuildUnavailableException extends RuntimeException {

    RebuildUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
