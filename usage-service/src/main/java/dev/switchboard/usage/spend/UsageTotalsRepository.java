package dev.switchboard.usage.spend;

import dev.switchboard.contracts.usage.UsageTotals;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums over {@code usage.usage_records}. The sums stay in Postgres numeric until read as {@code BigDecimal}, so the
 * cost is exact; a null cost (a request that never reached a provider) adds nothing.
 */
@Repository
class UsageTotalsRepository {

    // The scope column is one of two constants chosen by UsageScope, never caller text; the id is a parameter.
    // Team and key scopes are served by the (team_id, occurred_at) and (key_id, occurred_at) indexes.
    private static final String TOTALS = """
            SELECT count(*) AS requests,
                   coalesce(sum(input_tokens), 0)::bigint AS input_tokens,
                   coalesce(sum(output_tokens), 0)::bigint AS output_tokens,
                   coalesce(sum(cost), 0) AS cost
            FROM usage.usage_records
            WHERE occurred_at >= :from AND occurred_at < :to
            """;

    private final JdbcClient jdbc;

    UsageTotalsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals of the requests of {@code scope} that occurred in {@code [from, to)}. */
    UsageTotals totals(UsageScope scope, Instant from, Instant to) {
        String sql = scope.column() == null ? TOTALS : TOTALS + "AND " + scope.column() + " = :id\n";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        if (scope.id() != null) {
            statement = statement.param("id", scope.id());
        }
        return statement.query((rs, row) -> new UsageTotals(scope.name(), from, to, rs.getLong("requests"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getBigDecimal("cost"))).single();
    }
}
