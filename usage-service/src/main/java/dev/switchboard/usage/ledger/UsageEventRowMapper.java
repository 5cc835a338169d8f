package dev.switchboard.usage.ledger;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.usage.UsageAttempt;
import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a ledger row back into the event the edge sent (cost exactly as stored, scale included). */
class UsageEventRowMapper implements RowMapper<UsageEvent> {

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<UsageAttempt>> ATTEMPTS = new TypeReference<>() {
    };

    private final JsonMapper json;

    UsageEventRowMapper(JsonMapper json) {
        this.json = json;
    }

    /** The price the row was billed at, or null for rows from edges that sent none. */
    private static ModelPrice price(ResultSet rs) throws SQLException {
        BigDecimal input = rs.getBigDecimal("input_price_per_million");
        if (input == null) {
            return null;
        }
        return new ModelPrice(rs.getString("price_version"), input, rs.getBigDecimal("cached_input_price_per_million"),
                rs.getBigDecimal("output_price_per_million"), rs.getString("currency"));
    }

    @Override
    public UsageEvent mapRow(ResultSet rs, int rowNum) throws SQLException {
        String route = rs.getString("route");
        return new UsageEvent(
                rs.getString("request_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("team_id"),
                rs.getString("key_id"),
                rs.getString("user_id"),
                json.readValue(rs.getString("tags"), TAGS),
                rs.getString("route_id"),
                rs.getString("requested_model"),
                rs.getString("provider_id"),
                rs.getString("served_model"),
                rs.getString("model_version"),
                json.readValue(rs.getString("attempts"), ATTEMPTS),
                rs.getLong("input_tokens"),
                rs.getLong("cached_input_tokens"),
                rs.getLong("output_tokens"),
                rs.getBoolean("tokens_estimated"),
                rs.getBigDecimal("cost"),
                rs.getString("price_version"),
                rs.getString("cache_outcome"),
                rs.getBoolean("stream"),
                rs.getObject("ttft_ms", Long.class),
                rs.getLong("latency_ms"),
                rs.getInt("status"),
                rs.getString("error_type"),
                route == null ? null : json.readValue(route, RouteExplanation.class),
                rs.getString("served_by"),
                rs.getString("reservation_id"),
                rs.getLong("reasoning_tokens"),
                price(rs));
    }
}
