package dev.switchboard.quota.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code quota.api_keys}. The key hash goes in and is matched on, but is never read back out. */
@Repository
public class ApiKeys {

    private static final String COLUMNS =
            "id, team_id, name, key_prefix, status, requests_per_minute, created_at, revoked_at, expires_at, "
                    + "allowed_models, metadata::text, rotated_from, scopes";

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApiKeys(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ApiKey insert(String id, String keyHash, String prefix, NewKey key) {
        return jdbc.sql("""
                        insert into quota.api_keys (id, team_id, name, key_hash, key_prefix, requests_per_minute,
                                                    expires_at, allowed_models, metadata, rotated_from, scopes)
                        values (:id, :teamId, :name, :keyHash, :prefix, :rpm,
                                :expiresAt, :allowedModels, cast(:metadata as jsonb), :rotatedFrom, :scopes)
                        returning\s""" + COLUMNS)
                .param("id", id)
                .param("teamId", key.teamId())
                .param("name", key.name())
                .param("keyHash", keyHash)
                .param("prefix", prefix)
                .param("rpm", key.requestsPerMinute())
                .param("expiresAt", offset(key.expiresAt()))
                .param("allowedModels", key.allowedModels().toArray(String[]::new))
                .param("metadata", json.writeValueAsString(key.metadata()))
                .param("rotatedFrom", key.rotatedFrom())
                .param("scopes", key.scopes().toArray(String[]::new))
                .query(this::map)
                .single();
    }

    /** Brings the key's expiry forward to {@code at}; never pushes an earlier expiry back. */
    Optional<ApiKey> expireBy(String id, Instant at) {
        return jdbc.sql("""
                        update quota.api_keys
                           set expires_at = least(coalesce(expires_at, :at), :at)
                         where id = :id
                        returning\s""" + COLUMNS)
                .param("id", id)
                .param("at", offset(at))
                .query(this::map)
                .optional();
    }

    public Optional<ApiKey> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from quota.api_keys where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("select " + COLUMNS + " from quota.api_keys where key_hash = :keyHash")
                .param("keyHash", keyHash)
                .query(this::map)
                .optional();
    }

    /** Whether a limit or budget is set on the key itself (scope {@code key:<id>}). */
    boolean hasKeyScopedLimitsOrBudgets(String id) {
        return jdbc.sql("""
                        select exists (select 1 from quota.limits where key_id = :id)
                            or exists (select 1 from quota.budgets where key_id = :id)""")
                .param("id", id).query(Boolean.class).single();
    }

    List<ApiKey> findByTeam(String teamId) {
        return jdbc.sql("select " + COLUMNS + " from quota.api_keys where team_id = :teamId order by created_at, id")
                .param("teamId", teamId)
                .query(this::map)
                .list();
    }

    /** Revokes the key; revoking twice keeps the first revocation time. Empty when there is no such key. */
    Optional<ApiKey> revoke(String id) {
        return jdbc.sql("""
                        update quota.api_keys
                           set status = 'revoked', revoked_at = coalesce(revoked_at, now())
                         where id = :id
                        returning\s""" + COLUMNS)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("team_id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getString("status"),
                rs.getObject("requests_per_minute", Integer.class),
                instant(rs, "created_at"),
                instant(rs, "revoked_at"),
                instant(rs, "expires_at"),
                List.of((String[]) rs.getArray("allowed_models").getArray()),
                json.readValue(rs.getString("metadata"), METADATA),
                rs.getString("rotated_from"),
                List.of((String[]) rs.getArray("scopes").getArray()));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
