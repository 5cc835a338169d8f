package dev.switchboard.edge.audit;

/** The audit log could not confirm an admin change, so the change was not made. */
public class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(Throwable cause) {
        super("The audit log is unavailable: " + cause.getMessage(), cause);
    }
}
