package dev.switchboard.quota.audit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits the limits and budgets that {@code on delete cascade} removes with a team or key (V4), which no admin call
 * deletes one by one. Each gets a delete entry in the shape and under the id the limit and budget APIs use, so the
 * log shows what stopped applying. Reads the rows itself: those features' repositories are their own business.
 * Call it before the delete, in its transaction.
 */
@Component
public class CascadedDeletes {

    private static final String OF_TEAM =
            "team_id = :teamId or key_id in (select id from quota.api_keys where team_id = :teamId)";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    CascadedDeletes(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** The team's limits and budgets and those of its keys (which go with the team; no key is deleted alone). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForTeam(String teamId) {
        jdbc.sql("""
                        select scope, model, requests_per_minute, tokens_per_minute, max_concurrent, max_output_tokens,
                               updated_at
                        from quota.limits where %s order by scope, model nulls first""".formatted(OF_TEAM))
                .param("teamId", teamId).query(CascadedDeletes::limit).list()
                .forEach(limit -> auditLog.record(EntityType.LIMIT, limit.auditId(), limit, null));
        jdbc.sql("""
                        select scope, kind, period, time_zone, hard_limit, soft_threshold, currency, updated_at
                        from quota.budgets where %s order by scope, kind, period""".formatted(OF_TEAM))
                .param("teamId", teamId).query(CascadedDeletes::budget).list()
                .forEach(budget -> auditLog.record(EntityType.BUDGET, budget.auditId(), budget, null));
    }

    /** A limit as {@code GET /api/v1/limits} shows it. */
    record DeletedLimit(String scope, String model, Integer requestsPerMinute, Long tokensPerMinute,
                        Integer maxConcurrent, Integer maxOutputTokens, Instant updatedAt) {

        String auditId() {
            return model == null ? scope : scope + "/" + model;
        }
    }

    /** A budget as {@code GET /api/v1/budgets} shows it. */
    record DeletedBudget(String scope, String kind, String period, String timeZone, BigDecimal hardLimit,
                         BigDecimal softThreshold, String currency, Instant updatedAt) {

        String auditId() {
            return scope + "/" + kind + "/" + period;
        }
    }

    private static DeletedLimit limit(ResultSet rs, int row) throws SQLException {
        return new DeletedLimit(rs.getString("scope"), rs.getString("model"),
                rs.getObject("requests_per_minute", Integer.class), rs.getObject("tokens_per_minute", Long.class),
                rs.getObject("max_concurrent", Integer.class), rs.getObject("max_output_tokens", Integer.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static DeletedBudget budget(ResultSet rs, int row) throws SQLException {
        return new DeletedBudget(rs.getString("scope"), rs.getString("kind"), rs.getString("period"),
                rs.getString("time_zone"), plain(rs.getBigDecimal("hard_limit")),
                plain(rs.getBigDecimal("soft_threshold")), rs.getString("currency"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** As the budget API shows amounts: 100 and 12.5, not numeric(20, 6)'s 100.000000. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
