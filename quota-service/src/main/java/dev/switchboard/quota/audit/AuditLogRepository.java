package dev.switchboard.quota.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code quota.audit_log}: insert and query only, since the log is append-only. */
@Repository
class AuditLogRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLogRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String actor, String action, String entityType, String entityId, String before, String after) {
        jdbc.sql("""
                        insert into quota.audit_log (actor, action, entity_type, entity_id, before, after)
                        values (:actor, :action, :entityType, :entityId, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("actor", actor).param("action", action).param("entityType", entityType)
                .param("entityId", entityId).param("before", before).param("after", after)
                .update();
    }

    /** Newest first. */
    List<AuditEntry> find(String entityType, String entityId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, entity_type, entity_id, before::text, after::text
                        from quota.audit_log
                        where (cast(:entityType as text) is null or entity_type = :entityType)
                          and (cast(:entityId as text) is null or entity_id = :entityId)
                        order by id desc
                        limit :limit""")
                .param("entityType", entityType).param("entityId", entityId).param("limit", limit)
                .query(this::map).list();
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), tree(rs.getString("before")), tree(rs.getString("after")));
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
