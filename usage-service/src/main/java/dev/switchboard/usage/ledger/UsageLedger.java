package dev.switchboard.usage.ledger;

import dev.switchboard.contracts.usage.UsageEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost ledger: table {@code usage.usage_events}, one row per request id. Each write is a single
 * auto-committed statement, so when {@link #record} returns the row is durable.
 */
@Repository
public class UsageLedger {

    private static final String INSERT = """
            INSERT INTO usage.usage_events (
                request_id, occurred_at, team_id, key_id, user_id, tags, route_id, requested_model,
                provider_id, served_model, model_version, attempts, input_tokens, cached_input_tokens,
                output_tokens, tokens_estimated, cost, price_version, cache_outcome, stream, ttft_ms,
                latency_ms, status, error_type, route, served_by, reservation_id)
            VALUES (
                :requestId, :occurredAt, :teamId, :keyId, :user, CAST(:tags AS jsonb), :routeId, :requestedModel,
                :providerId, :servedModel, :modelVersion, CAST(:attempts AS jsonb), :inputTokens, :cachedInputTokens,
                :outputTokens, :tokensEstimated, :cost, :priceVersion, :cacheOutcome, :stream, :ttft,
                :latency, :status, :errorType, CAST(:route AS jsonb), :servedBy, :reservationId)
            ON CONFLICT (request_id) DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final UsageEventRowMapper rowMapper;

    UsageLedger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rowMapper = new UsageEventRowMapper(json);
    }

    /**
     * Stores the event unless its request id is already in the ledger.
     *
     * @return true when a row was written, false when the event was a duplicate delivery
     */
    public boolean record(UsageEvent event) {
        int rows = jdbc.sql(INSERT)
                .param("requestId", event.requestId())
                .param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .param("teamId", event.teamId())
                .param("keyId", event.keyId())
                .param("user", event.user())
                .param("tags", json.writeValueAsString(event.tags()))
                .param("routeId", event.routeId())
                .param("requestedModel", event.requestedModel())
                .param("providerId", event.providerId())
                .param("servedModel", event.servedModel())
                .param("modelVersion", event.modelVersion())
                .param("attempts", json.writeValueAsString(event.attempts()))
                .param("inputTokens", event.inputTokens())
                .param("cachedInputTokens", event.cachedInputTokens())
                .param("outputTokens", event.outputTokens())
                .param("tokensEstimated", event.tokensEstimated())
                .param("cost", event.cost())
                .param("priceVersion", event.priceVersion())
                .param("cacheOutcome", event.cacheOutcome())
                .param("stream", event.stream())
                .param("ttft", event.timeToFirstTokenMillis())
                .param("latency", event.latencyMillis())
                .param("status", event.status())
                .param("errorType", event.errorType())
                .param("route", event.route() == null ? null : json.writeValueAsString(event.route()))
                .param("servedBy", event.servedBy())
                .param("reservationId", event.reservationId())
                .update();
        return rows == 1;
    }

    public Optional<UsageEvent> find(String requestId) {
        return jdbc.sql("SELECT * FROM usage.usage_events WHERE request_id = :requestId")
                .param("requestId", requestId)
                .query(rowMapper)
                .optional();
    }

    /** A team's most recent requests, newest first; ties broken by request id so pages are stable. */
    public List<UsageEvent> recent(String teamId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM usage.usage_events
                        WHERE team_id = :teamId
                        ORDER BY occurred_at DESC, request_id DESC
                        LIMIT :limit
                        """)
                .param("teamId", teamId)
                .param("limit", limit)
                .query(rowMapper)
                .list();
    }
}
