package dev.switchboard.serviceweb.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for one service's append-only audit log table ({@code <schema>.audit_log}: actor, action, entity type and
 * id, before and after as jsonb): insert and query only. Each service declares one for its own schema; the
 * table's triggers refuse updates and deletes.
 */
public final class AuditLogTable {

    private static final Pattern QUALIFIED_NAME = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String insert;
    private final String select;

    /** @param table the schema-qualified table, e.g. {@code quota.audit_log}; spliced into SQL, so checked */
    public AuditLogTable(JdbcClient jdbc, JsonMapper json, String table) {
        if (!QUALIFIED_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a schema-qualified table name: " + table);
        }
        this.jdbc = jdbc;
        this.json = json;
        this.insert = """
                insert into %s (actor, action, entity_type, entity_id, before, after)
                values (:actor, :action, :entityType, :entityId, cast(:before as jsonb), cast(:after as jsonb))"""
                .formatted(table);
        this.select = """
                select id, occurred_at, actor, action, entity_type, entity_id, before::text, after::text
                from %s
                where (cast(:entityType as text) is null or entity_type = :entityType)
                  and (cast(:entityId as text) is null or entity_id = :entityId)
                order by id desc
                limit :limit""".formatted(table);
    }

    /** Appends one change; {@code before} and {@code after} are JSON text (null for creation and deletion). */
    public void insert(String actor, String action, String entityType, String entityId, String before,
                       String after) {
        jdbc.sql(insert)
                .param("actor", actor).param("action", action).param("entityType", entityType)
                .param("entityId", entityId).param("before", before).param("after", after)
                .update();
    }

    /** Newest first, optionally for one entity type and id. */
    public List<AuditEntry> find(String entityType, String entityId, int limit) {
        return jdbc.sql(select)
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
