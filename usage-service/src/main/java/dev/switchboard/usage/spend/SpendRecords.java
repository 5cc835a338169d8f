package dev.switchboard.usage.spend;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Raw ledger rows for finance: pages of one team's records, one request, and a streamed export. */
@Repository
class SpendRecords {

    /** Rows the driver fetches per round trip while exporting; only these are ever held in memory. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate exportJdbc;
    private final TransactionTemplate readOnly;
    private final SpendRecordRowMapper rows;

    SpendRecords(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(EXPORT_FETCH_SIZE);
        this.exportJdbc = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.rows = new SpendRecordRowMapper(json);
    }

    Optional<SpendRecord> find(String requestId) {
        return jdbc.sql("SELECT " + SpendRecordRowMapper.COLUMNS + " FROM usage.usage_records WHERE request_id = :id")
                .param("id", requestId).query(rows).optional();
    }

    /**
     * A team's records in {@code [from, to)} (either bound may be null) older than {@code after}, newest first. The
     * (occurred_at, request_id) keyset makes every record appear on exactly one page, even while new ones arrive.
     */
    SpendRecordPage page(String team, Instant from, Instant to, RecordCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + SpendRecordRowMapper.COLUMNS
                + " FROM usage.usage_records WHERE team_id = :team\n");
        MapSqlParameterSource params = new MapSqlParameterSource("team", team).addValue("limit", limit + 1);
        if (from != null) {
            sql.append("AND occurred_at >= :from\n");
            params.addValue("from", utc(from));
        }
        if (to != null) {
            sql.append("AND occurred_at < :to\n");
            params.addValue("to", utc(to));
        }
        if (after != null) {
            sql.append("AND (occurred_at, request_id) < (:afterAt, :afterId)\n");
            params.addValue("afterAt", utc(after.occurredAt())).addValue("afterId", after.requestId());
        }
        sql.append("ORDER BY occurred_at DESC, request_id DESC LIMIT :limit");
        List<SpendRecord> found = jdbc.sql(sql.toString()).paramSource(params).query(rows).list();
        if (found.size() <= limit) {
            return new SpendRecordPage(team, found, null);
        }
        SpendRecord last = found.get(limit - 1);
        return new SpendRecordPage(team, found.subList(0, limit),
                new RecordCursor(last.occurredAt(), last.requestId()).encode());
    }

    /**
     * Hands every record in {@code [from, to)} (of {@code team}, when not null) to {@code sink}, oldest first. In a
     * read-only transaction, because PostgreSQL's driver honours the fetch size only outside auto-commit: otherwise
     * it would read the whole result into memory before the first row.
     */
    void forEach(String team, Instant from, Instant to, Consumer<SpendRecord> sink) {
        String sql = "SELECT " + SpendRecordRowMapper.COLUMNS + " FROM usage.usage_records"
                + " WHERE occurred_at >= :from AND occurred_at < :to"
                + (team == null ? "" : " AND team_id = :team")
                + " ORDER BY occurred_at, request_id";
        MapSqlParameterSource params = new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to))
                .addValue("team", team);
        RowCallbackHandler each = rs -> sink.accept(rows.mapRow(rs, rs.getRow()));
        readOnly.executeWithoutResult(status -> exportJdbc.query(sql, params, each));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
