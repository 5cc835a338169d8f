package dev.switchboard.usage.audit;

import dev.switchboard.contracts.audit.AuditEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code usage.audit_log}: insert once per event id, and read; the table's triggers refuse any change. */
@Repository
class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when the event was already recorded (a redelivery) */
    boolean append(AuditEvent event) {
        return jdbc.sql("""
                        insert into usage.audit_log (event_id, occurred_at, service, instance, actor, action,
                                                     entity_type, entity_id, before, after)
                        values (:eventId, :occurredAt, :service, :instance, :actor, :action, :entityType, :entityId,
                                cast(:before as jsonb), cast(:after as jsonb))
                        on conflict (event_id) do nothing""")
                .param("eventId", event.id())
                .param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .param("service", event.service())
                .param("instance", event.instance())
                .param("actor", event.actor())
                .param("action", event.action())
                .param("entityType", event.entityType())
                .param("entityId", event.entityId())
                .param("before", event.beforeJson())
                .param("after", event.afterJson())
                .update() == 1;
    }

    /** Newest first, optionally narrowed to one service, entity type and entity id. */
    List<AuditRecord> find(String service, String entityType, String entityId, int limit) {
        return jdbc.sql("""
                        select id, event_id, occurred_at, service, instance, actor, action, entity_type, entity_id,
                               before::text, after::text
                        from usage.audit_log
                        where (cast(:service as text) is null or service = :service)
                          and (cast(:entityType as text) is null or entity_type = :entityType)
                          and (cast(:entityId as text) is null or entity_id = :entityId)
                        order by id desc
                        limit :limit""")
                .param("service", service).param("entityType", entityType).param("entityId", entityId)
                .param("limit", limit)
                .query(this::map).list();
    }

    private AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getString("event_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("service"),
                rs.getString("instance"), rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), tree(rs.getString("before")), tree(rs.getString("after")));
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
