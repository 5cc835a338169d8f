package dev.switchboard.usage.audit;

/** A message on the audit topic that can never become an audit row: dead-lettered rather than retried. */
public class MalformedAuditEventException extends RuntimeException {

    MalformedAuditEventException(String message) {
        super(message);
    }

    MalformedAuditEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
