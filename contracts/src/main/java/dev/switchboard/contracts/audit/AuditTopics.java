package dev.switchboard.contracts.audit;

/** Kafka topic of {@link AuditEvent}s, keyed by entity id. */
public final class AuditTopics {

    public static final String AUDIT_V1 = "switchboard.audit.v1";

    private AuditTopics() {
    }
}
