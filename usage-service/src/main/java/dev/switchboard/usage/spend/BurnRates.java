package dev.switchboard.usage.spend;

import dev.switchboard.contracts.quota.BudgetPeriod;
import dev.switchboard.serviceweb.ServiceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Burn rate and forecast of a scope: exact spend so far from the records (the rollups' UTC days do not fit a period
 * in another time zone), and a straight-line projection of that pace to the end of the period.
 */
@Component
class BurnRates {

    /** Decimal places of rates and forecasts; spend so far stays exact. */
    static final int SCALE = 10;

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(Duration.ofHours(1).toMillis());
    private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(Duration.ofDays(1).toMillis());

    // The scope column is one of two constants chosen by UsageScope; the id is a parameter.
    private static final String SPENT = """
            SELECT currency, count(*) AS requests, coalesce(sum(cost), 0) AS cost
            FROM usage.usage_records
            WHERE occurred_at >= :from AND occurred_at < :to
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    BurnRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    BurnReport burn(UsageScope scope, String period, ZoneId zone) {
        Instant now = clock.instant();
        BudgetPeriod current = period(period, zone, now);
        String sql = SPENT + (scope.column() == null ? "" : "AND " + scope.column() + " = :id\n")
                + "GROUP BY currency";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("from", OffsetDateTime.ofInstant(current.start(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (scope.id() != null) {
            statement = statement.param("id", scope.id());
        }
        long elapsed = Duration.between(current.start(), now).toMillis();
        long remaining = Duration.between(now, current.end()).toMillis();
        List<Spent> spent = statement.query((rs, row) -> new Spent(rs.getString("currency"), rs.getLong("requests"),
                rs.getBigDecimal("cost"))).list();
        List<BurnReport.Burn> burns = spent.stream()
                .filter(s -> s.currency() != null)
                .map(s -> burn(s.currency(), SpendSums.plain(s.cost()), elapsed, remaining))
                .sorted(Comparator.comparing(BurnReport.Burn::currency))
                .toList();
        return new BurnReport(scope.name(), period, zone.getId(), current.start(), current.end(), now,
                spent.stream().mapToLong(Spent::requests).sum(), burns);
    }

    /** The budget period containing now, as quota-service counts budgets in it; 400 for an unknown period. */
    private static BudgetPeriod period(String period, ZoneId zone, Instant now) {
        try {
            return BudgetPeriod.containing(period, zone, now);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("query parameter 'period' must be day, week or month");
        }
    }

    /** Requests and cost of the period so far in one currency (null: requests no priced provider served). */
    private record Spent(String currency, long requests, BigDecimal cost) {
    }

    /** At the very start of a period nothing has elapsed: no pace yet, so the forecast is what was spent. */
    static BurnReport.Burn burn(String currency, BigDecimal spent, long elapsedMillis, long remainingMillis) {
        if (elapsedMillis <= 0) {
            return new BurnReport.Burn(currency, spent, BigDecimal.ZERO, BigDecimal.ZERO, spent);
        }
        BigDecimal elapsed = BigDecimal.valueOf(elapsedMillis);
        BigDecimal perHour = spent.multiply(MILLIS_PER_HOUR).divide(elapsed, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal perDay = spent.multiply(MILLIS_PER_DAY).divide(elapsed, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal forecast = spent.add(spent.multiply(BigDecimal.valueOf(remainingMillis))
                .divide(elapsed, SCALE, RoundingMode.HALF_EVEN));
        return new BurnReport.Burn(currency, spent, SpendSums.plain(perHour), SpendSums.plain(perDay),
                SpendSums.plain(forecast));
    }
}
