package dev.switchboard.quota.budget;

import dev.switchboard.quota.scope.Scope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code quota.budgets}, identified by scope, kind and period. */
@Repository
public class Budgets {

    private static final String COLUMNS =
            "scope, kind, period, time_zone, hard_limit, soft_threshold, currency, updated_at";

    private final JdbcClient jdbc;

    Budgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Budget upsert(Scope scope, String kind, String period, String timeZone, BigDecimal hardLimit,
                  BigDecimal softThreshold, String currency) {
        return jdbc.sql("""
                        insert into quota.budgets (scope, team_id, key_id, kind, period, time_zone, hard_limit,
                                                   soft_threshold, currency)
                        values (:scope, :teamId, :keyId, :kind, :period, :timeZone, :hardLimit, :softThreshold, :currency)
                        on conflict (scope, kind, period) do update
                           set time_zone = excluded.time_zone,
                               hard_limit = excluded.hard_limit,
                               soft_threshold = excluded.soft_threshold,
                               currency = excluded.currency,
                               updated_at = now()
                        returning\s""" + COLUMNS)
                .param("scope", scope.wireName()).param("teamId", scope.teamId()).param("keyId", scope.keyId())
                .param("kind", kind).param("period", period).param("timeZone", timeZone)
                .param("hardLimit", hardLimit).param("softThreshold", softThreshold).param("currency", currency)
                .query(Budgets::map).single();
    }

    public Optional<Budget> find(Scope scope, String kind, String period) {
        return jdbc.sql("select " + COLUMNS
                        + " from quota.budgets where scope = :scope and kind = :kind and period = :period")
                .param("scope", scope.wireName()).param("kind", kind).param("period", period)
                .query(Budgets::map).optional();
    }

    public List<Budget> list(Scope scope) {
        return jdbc.sql("select " + COLUMNS + " from quota.budgets"
                        + " where cast(:scope as text) is null or scope = :scope order by scope, kind, period")
                .param("scope", scope == null ? null : scope.wireName())
                .query(Budgets::map).list();
    }

    /** The budgets of a team and of its keys: what deleting the team removes with it. */
    public List<Budget> ofTeamAndItsKeys(String teamId) {
        return jdbc.sql("select " + COLUMNS + " from quota.budgets where team_id = :teamId"
                        + " or key_id in (select id from quota.api_keys where team_id = :teamId)"
                        + " order by scope, kind, period")
                .param("teamId", teamId)
                .query(Budgets::map).list();
    }

    void delete(Scope scope, String kind, String period) {
        jdbc.sql("delete from quota.budgets where scope = :scope and kind = :kind and period = :period")
                .param("scope", scope.wireName()).param("kind", kind).param("period", period).update();
    }

    private static Budget map(ResultSet rs, int row) throws SQLException {
        return new Budget(rs.getString("scope"), rs.getString("kind"), rs.getString("period"),
                rs.getString("time_zone"), plain(rs.getBigDecimal("hard_limit")),
                plain(rs.getBigDecimal("soft_threshold")), rs.getString("currency"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** numeric(20, 6) reads back as 100.000000; show 100 (and 12.5), the amount as it was given. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
