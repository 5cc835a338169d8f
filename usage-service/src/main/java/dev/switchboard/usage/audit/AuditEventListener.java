package dev.switchboard.usage.audit;

import dev.switchboard.contracts.audit.AuditEvent;
import dev.switchboard.contracts.audit.AuditTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends each audit event to the log; as with usage events, the offset is committed only after the row is, and
 * Postgres failures are retried by the shared error handler until they succeed.
 */
@Component
class AuditEventListener {

    private static final Logger log = LoggerFactory.getLogger(AuditEventListener.class);

    private final JsonMapper json;
    private final AuditLog auditLog;

    AuditEventListener(JsonMapper json, AuditLog auditLog) {
        this.json = json;
        this.auditLog = auditLog;
    }

    @KafkaListener(id = "audit-ingest", idIsGroup = false, topics = AuditTopics.AUDIT_V1)
    void onAuditEvent(ConsumerRecord<String, byte[]> record) {
        AuditEvent event = read(record.value());
        if (!auditLog.append(event)) {
            log.debug("Ignored redelivered audit event {}", event.id());
        }
    }

    private AuditEvent read(byte[] payload) {
        AuditEvent event;
        try {
            event = payload == null ? null : json.readValue(payload, AuditEvent.class);
        } catch (JacksonException e) {
            throw new MalformedAuditEventException("not an audit event: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new MalformedAuditEventException("empty audit message");
        }
        for (String[] field : new String[][] {{"id", event.id()}, {"service", event.service()},
                {"actor", event.actor()}, {"action", event.action()}, {"entityType", event.entityType()},
                {"entityId", event.entityId()}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new MalformedAuditEventException(field[0] + " is missing or blank");
            }
        }
        if (event.occurredAt() == null) {
            throw new MalformedAuditEventException("occurredAt is missing");
        }
        return event;
    }
}
