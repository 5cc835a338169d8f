package dev.switchboard.usage.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One audit row as {@code GET /api/v1/audit} shows it: which service (and replica) made which change. */
record AuditRecord(long id, String eventId, Instant occurredAt, String service, String instance, String actor,
                   String action, String entityType, String entityId, JsonNode before, JsonNode after) {
}
