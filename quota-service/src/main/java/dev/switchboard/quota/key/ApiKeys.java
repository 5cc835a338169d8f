package dev.switchboard.quota.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code quota.api_keys}. The key hash goes in and is matched on, but is never read back out. */
@Repository
public class ApiKeys {

    private static final String COLUMNS =
            "id, team_id, name, key_prefix, status, requests_per_minute, created_at, revoked_at";

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiKey insert(String id, String teamId, String name, String keyHash, String prefix, Integer requestsPerMinute) {
        return jdbc.sql("""
                        insert into quota.api_keys (id, team_id, name, key_hash, key_prefix, requests_per_minute)
                        values (:id, :teamId, :name, :keyHash, :prefix, :rpm)
                        returning\s""" + COLUMNS)
                .param("id", id)
                .param("teamId", teamId)
                .param("name", name)
                .param("keyHash", keyHash)
                .param("prefix", prefix)
                .param("rpm", requestsPerMinute)
                .query(ApiKeys::map)
                .single();
    }

    public Optional<ApiKey> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from quota.api_keys where id = :id")
                .param("id", id)
                .query(ApiKeys::map)
                .optional();
    }

    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("select " + COLUMNS + " from quota.api_keys where key_hash = :keyHash")
                .param("keyHash", keyHash)
                .query(ApiKeys::map)
                .optional();
    }

    List<ApiKey> findByTeam(String teamId) {
        return jdbc.sql("select " + COLUMNS + " from quota.api_keys where team_id = :teamId order by created_at, id")
                .param("teamId", teamId)
                .query(ApiKeys::map)
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
                .query(ApiKeys::map)
                .optional();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("team_id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getString("status"),
                rs.getObject("requests_per_minute", Integer.class),
                instant(rs, "created_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
