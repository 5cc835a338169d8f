package dev.switchboard.usage.spend;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums of spend per bucket, group and currency, read from the daily rollups when they answer the query exactly
 * and from the records otherwise. Both paths sum the same requests the same way, so they return the same rows.
 * Every SQL fragment spliced in below is a constant chosen by an enum; caller text only ever travels as a parameter.
 */
@Repository
class SpendAggregates {

    static final String ROLLUPS = "rollups";
    static final String RECORDS = "records";

    private static final String RECORD_SUMS = """
            SELECT %s AS bucket, %s AS grp, coalesce(currency, '') AS currency,
                   count(*) AS requests, count(*) FILTER (WHERE status >= 400) AS errors,
                   sum(input_tokens)::bigint AS input_tokens, sum(cached_input_tokens)::bigint AS cached_input_tokens,
                   sum(output_tokens)::bigint AS output_tokens, sum(reasoning_tokens)::bigint AS reasoning_tokens,
                   coalesce(sum(cost), 0) AS cost, coalesce(sum(saved_cost), 0) AS saved_cost
            FROM usage.usage_records
            WHERE occurred_at >= :from AND occurred_at < :to
            """;

    private static final String ROLLUP_SUMS = """
            SELECT %s AS bucket, %s AS grp, currency,
                   sum(requests)::bigint AS requests, sum(errors)::bigint AS errors,
                   sum(input_tokens)::bigint AS input_tokens, sum(cached_input_tokens)::bigint AS cached_input_tokens,
                   sum(output_tokens)::bigint AS output_tokens, sum(reasoning_tokens)::bigint AS reasoning_tokens,
                   sum(cost) AS cost, sum(saved_cost) AS saved_cost
            FROM %s
            WHERE day >= :fromDay AND day < :toDay
            """;

    private static final String GROUPED = "GROUP BY 1, 2, 3";

    private final JdbcClient jdbc;

    SpendAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which path {@link #rows} takes for the query: {@value #ROLLUPS} or {@value #RECORDS}. */
    static String source(SpendQuery query) {
        return query.answeredByRollups() ? ROLLUPS : RECORDS;
    }

    List<SpendRow> rows(SpendQuery query) {
        return query.answeredByRollups() ? fromRollups(query) : fromRecords(query);
    }

    List<SpendRow> fromRecords(SpendQuery query) {
        SpendGrouping.Dimension dimension = query.groupBy().dimension();
        String bucket = query.interval() == null ? "CAST(NULL AS timestamp)"
                : "date_trunc('" + query.interval().sqlField() + "', occurred_at AT TIME ZONE 'UTC')";
        StringBuilder sql = new StringBuilder(RECORD_SUMS.formatted(bucket, dimension.recordExpression));
        if (query.team() != null) {
            sql.append("AND team_id = :team\n");
        }
        if (dimension == SpendGrouping.Dimension.TAG) {
            sql.append("AND tags ->> :tagKey IS NOT NULL\n");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(GROUPED).toString())
                .param("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        return withFilters(statement, query).query(SpendAggregates::row).list();
    }

    List<SpendRow> fromRollups(SpendQuery query) {
        SpendGrouping.Dimension dimension = query.groupBy().dimension();
        String bucket = query.interval() == null ? "CAST(NULL AS timestamp)"
                : "date_trunc('" + query.interval().sqlField() + "', day::timestamp)";
        boolean tags = dimension == SpendGrouping.Dimension.TAG;
        String table = tags ? "usage.usage_daily_tag_rollups" : "usage.usage_daily_rollups";
        StringBuilder sql = new StringBuilder(ROLLUP_SUMS.formatted(bucket, dimension.rollupColumn, table));
        if (query.team() != null) {
            sql.append("AND team_id = :team\n");
        }
        if (tags) {
            sql.append("AND tag_key = :tagKey\n");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(GROUPED).toString())
                .param("fromDay", query.from().atOffset(ZoneOffset.UTC).toLocalDate())
                .param("toDay", query.to().atOffset(ZoneOffset.UTC).toLocalDate());
        return withFilters(statement, query).query(SpendAggregates::row).list();
    }

    private static JdbcClient.StatementSpec withFilters(JdbcClient.StatementSpec statement, SpendQuery query) {
        if (query.team() != null) {
            statement = statement.param("team", query.team());
        }
        if (query.groupBy().tagKey() != null) {
            statement = statement.param("tagKey", query.groupBy().tagKey());
        }
        return statement;
    }

    private static SpendRow row(ResultSet rs, int row) throws SQLException {
        LocalDateTime bucket = rs.getObject("bucket", LocalDateTime.class);
        return new SpendRow(bucket == null ? null : bucket.toInstant(ZoneOffset.UTC), rs.getString("grp"),
                rs.getString("currency"), rs.getLong("requests"), rs.getLong("errors"), rs.getLong("input_tokens"),
                rs.getLong("cached_input_tokens"), rs.getLong("output_tokens"), rs.getLong("reasoning_tokens"),
                rs.getBigDecimal("cost"), rs.getBigDecimal("saved_cost"));
    }
}
