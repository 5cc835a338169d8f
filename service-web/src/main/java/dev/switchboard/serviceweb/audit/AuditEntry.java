package dev.switchboard.serviceweb.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One audit log row as {@code GET /api/v1/audit} shows it. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
                         String entityId, JsonNode before, JsonNode after) {
}
