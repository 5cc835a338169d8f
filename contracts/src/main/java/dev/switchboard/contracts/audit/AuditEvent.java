package dev.switchboard.contracts.audit;

import java.time.Instant;

/**
 * One admin change made in a service that keeps no database of its own (the edge), sent over Kafka to
 * usage-service's append-only audit log. Services with a database write their audit rows in the change's own
 * transaction instead. {@code id} is the idempotency key: the log stores an event once however often it arrives.
 *
 * @param service    the service that made the change, e.g. {@code gateway-edge}
 * @param instance   which replica of it (host:port), since each edge holds its own state
 * @param action     {@code create}, {@code update}, {@code delete} or a verb such as {@code reset}
 * @param beforeJson the entity's state before, as JSON with secrets already masked; null when created
 * @param afterJson  the entity's state after, as JSON with secrets already masked; null when deleted
 */
public record AuditEvent(String id, Instant occurredAt, String service, String instance, String actor,
                         String action, String entityType, String entityId, String beforeJson, String afterJson) {
}
