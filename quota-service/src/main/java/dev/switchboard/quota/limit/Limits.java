package dev.switchboard.quota.limit;

import dev.switchboard.quota.scope.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code quota.limits}; a row is identified by its scope and model (null = all models). */
@Repository
public class Limits {

    private static final String COLUMNS =
            "scope, model, requests_per_minute, tokens_per_minute, max_concurrent, max_output_tokens, updated_at";

    private final JdbcClient jdbc;

    Limits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Limit upsert(Scope scope, String model, LimitRequest request) {
        return jdbc.sql("""
                        insert into quota.limits (scope, team_id, key_id, model, requests_per_minute, tokens_per_minute,
                                                  max_concurrent, max_output_tokens)
                        values (:scope, :teamId, :keyId, :model, :rpm, :tpm, :concurrent, :maxOutput)
                        on conflict (scope, (coalesce(model, ''))) do update
                           set requests_per_minute = excluded.requests_per_minute,
                               tokens_per_minute = excluded.tokens_per_minute,
                               max_concurrent = excluded.max_concurrent,
                               max_output_tokens = excluded.max_output_tokens,
                               updated_at = now()
                        returning\s""" + COLUMNS)
                .param("scope", scope.wireName()).param("teamId", scope.teamId()).param("keyId", scope.keyId())
                .param("model", model).param("rpm", request.requestsPerMinute())
                .param("tpm", request.tokensPerMinute()).param("concurrent", request.maxConcurrent())
                .param("maxOutput", request.maxOutputTokens())
                .query(Limits::map).single();
    }

    Optional<Limit> find(Scope scope, String model) {
        return jdbc.sql("select " + COLUMNS
                        + " from quota.limits where scope = :scope and model is not distinct from cast(:model as text)")
                .param("scope", scope.wireName()).param("model", model)
                .query(Limits::map).optional();
    }

    /** Every limit, or those of one scope; all-model rows before per-model ones. */
    public List<Limit> list(Scope scope) {
        return jdbc.sql("select " + COLUMNS + " from quota.limits"
                        + " where cast(:scope as text) is null or scope = :scope order by scope, model nulls first")
                .param("scope", scope == null ? null : scope.wireName())
                .query(Limits::map).list();
    }

    /** The limits of a team and of its keys: what deleting the team removes with it. */
    public List<Limit> ofTeamAndItsKeys(String teamId) {
        return jdbc.sql("select " + COLUMNS + " from quota.limits where team_id = :teamId"
                        + " or key_id in (select id from quota.api_keys where team_id = :teamId)"
                        + " order by scope, model nulls first")
                .param("teamId", teamId)
                .query(Limits::map).list();
    }

    void delete(Scope scope, String model) {
        jdbc.sql("delete from quota.limits where scope = :scope and model is not distinct from cast(:model as text)")
                .param("scope", scope.wireName()).param("model", model).update();
    }

    private static Limit map(ResultSet rs, int row) throws SQLException {
        return new Limit(rs.getString("scope"), rs.getString("model"),
                rs.getObject("requests_per_minute", Integer.class), rs.getObject("tokens_per_minute", Long.class),
                rs.getObject("max_concurrent", Integer.class), rs.getObject("max_output_tokens", Integer.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
