package dev.switchboard.usage.spend;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the columns of {@link #COLUMNS} into a {@link SpendRecord}; tags sorted by key. */
final class SpendRecordRowMapper implements RowMapper<SpendRecord> {

    static final String COLUMNS = """
            request_id, occurred_at, team_id, key_id, user_id, requested_model, provider_id, served_model,
            model_version, status, error_type, cache_outcome, stream, input_tokens, cached_input_tokens, output_tokens,
            reasoning_tokens, tokens_estimated, cost, saved_cost, currency, price_version, latency_ms, ttft_ms, tags
            """;

    private static final TypeReference<TreeMap<String, String>> TAGS = new TypeReference<>() {
    };

    private final JsonMapper json;

    SpendRecordRowMapper(JsonMapper json) {
        this.json = json;
    }

    @Override
    public SpendRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        Map<String, String> tags = json.readValue(rs.getString("tags"), TAGS);
        return new SpendRecord(rs.getString("request_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("team_id"),
                rs.getString("key_id"), rs.getString("user_id"), rs.getString("requested_model"),
                rs.getString("provider_id"), rs.getString("served_model"), rs.getString("model_version"),
                rs.getInt("status"), rs.getString("error_type"), rs.getString("cache_outcome"),
                rs.getBoolean("stream"), rs.getLong("input_tokens"), rs.getLong("cached_input_tokens"),
                rs.getLong("output_tokens"), rs.getLong("reasoning_tokens"), rs.getBoolean("tokens_estimated"),
                rs.getBigDecimal("cost"), rs.getBigDecimal("saved_cost"), rs.getString("currency"),
                rs.getString("price_version"), rs.getLong("latency_ms"), rs.getObject("ttft_ms", Long.class),
                tags);
    }
}
