package dev.switchboard.usage.ledger;

import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost ledger: {@code usage.usage_records} (partitioned by month), one row per request id, with the daily
 * rollups kept current in the same transaction. When {@link #record} returns, the row and its rollups are
 * committed together, or neither is.
 */
@Repository
public class UsageLedger {

    private static final String CLAIM = """
            INSERT INTO usage.usage_request_ids (request_id, occurred_at) VALUES (:requestId, :occurredAt)
            ON CONFLICT (request_id) DO NOTHING
            """;

    private static final String INSERT = """
            INSERT INTO usage.usage_records (
                request_id, occurred_at, team_id, key_id, user_id, tags, route_id, requested_model,
                provider_id, served_model, model_version, attempts, input_tokens, cached_input_tokens,
                output_tokens, reasoning_tokens, tokens_estimated, cost, saved_cost, currency, price_version,
                input_price_per_million, cached_input_price_per_million, output_price_per_million,
                cache_outcome, stream, ttft_ms, latency_ms, status, error_type, route, served_by, reservation_id)
            VALUES (
                :requestId, :occurredAt, :teamId, :keyId, :user, CAST(:tags AS jsonb), :routeId, :requestedModel,
                :providerId, :servedModel, :modelVersion, CAST(:attempts AS jsonb), :inputTokens, :cachedInputTokens,
                :outputTokens, :reasoningTokens, :tokensEstimated, :cost, :savedCost, :currency, :priceVersion,
                :inputPrice, :cachedInputPrice, :outputPrice,
                :cacheOutcome, :stream, :ttft, :latency, :status, :errorType, CAST(:route AS jsonb), :servedBy,
                :reservationId)
            """;

    private static final String SUMS = """
                requests = r.requests + 1, errors = r.errors + :error, cache_hits = r.cache_hits + :cacheHit,
                estimated_requests = r.estimated_requests + :estimated, input_tokens = r.input_tokens + :inputTokens,
                cached_input_tokens = r.cached_input_tokens + :cachedInputTokens,
                output_tokens = r.output_tokens + :outputTokens, reasoning_tokens = r.reasoning_tokens + :reasoningTokens,
                cost = r.cost + :cost, saved_cost = r.saved_cost + :savedCost
            """;

    private static final String ROLLUP = """
            INSERT INTO usage.usage_daily_rollups AS r (day, team_id, key_id, provider_id, model, currency, requests,
                errors, cache_hits, estimated_requests, input_tokens, cached_input_tokens, output_tokens,
                reasoning_tokens, cost, saved_cost)
            VALUES (:day, :teamId, :keyId, :providerId, :model, :currency, 1, :error, :cacheHit, :estimated,
                :inputTokens, :cachedInputTokens, :outputTokens, :reasoningTokens, :cost, :savedCost)
            ON CONFLICT (day, team_id, key_id, provider_id, model, currency) DO UPDATE SET
            """ + SUMS;

    private static final String TAG_ROLLUP = """
            INSERT INTO usage.usage_daily_tag_rollups AS r (day, team_id, tag_key, tag_value, currency, requests,
                errors, cache_hits, estimated_requests, input_tokens, cached_input_tokens, output_tokens,
                reasoning_tokens, cost, saved_cost)
            VALUES (:day, :teamId, :tagKey, :tagValue, :currency, 1, :error, :cacheHit, :estimated,
                :inputTokens, :cachedInputTokens, :outputTokens, :reasoningTokens, :cost, :savedCost)
            ON CONFLICT (day, team_id, tag_key, tag_value, currency) DO UPDATE SET
            """ + SUMS;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final UsageEventRowMapper rowMapper;
    /** Months whose partition is known to exist, so the common case skips the function call. */
    private final Set<YearMonth> partitions = ConcurrentHashMap.newKeySet();

    UsageLedger(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.rowMapper = new UsageEventRowMapper(json);
    }

    /**
     * Stores the event and adds it to the rollups, unless its request id is already in the ledger.
     *
     * @return true when a row was written, false when the event was a duplicate delivery
     */
    public boolean record(UsageEvent event) {
        Boolean stored = transactions.execute(status -> insert(event));
        return Boolean.TRUE.equals(stored);
    }

    private boolean insert(UsageEvent event) {
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        int claimed = jdbc.sql(CLAIM).param("requestId", event.requestId()).param("occurredAt", occurredAt).update();
        if (claimed == 0) {
            return false;
        }
        ensurePartition(occurredAt);
        LedgerPricing pricing = LedgerPricing.of(event);
        jdbc.sql(INSERT)
                .param("requestId", event.requestId())
                .param("occurredAt", occurredAt)
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
                .param("reasoningTokens", event.reasoningTokens())
                .param("tokensEstimated", event.tokensEstimated())
                .param("cost", pricing.cost())
                .param("savedCost", pricing.savedCost())
                .param("currency", pricing.currency())
                .param("priceVersion", event.priceVersion())
                .param("inputPrice", pricing.price() == null ? null : pricing.price().inputPerMillion())
                .param("cachedInputPrice", pricing.price() == null ? null : pricing.price().cachedInputPerMillion())
                .param("outputPrice", pricing.price() == null ? null : pricing.price().outputPerMillion())
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
        Map<String, Object> sums = rollupSums(event, occurredAt, pricing);
        jdbc.sql(ROLLUP).params(sums)
                .param("keyId", orEmpty(event.keyId()))
                .param("providerId", orEmpty(event.providerId()))
                .param("model", orEmpty(event.servedModel()))
                .update();
        for (Map.Entry<String, String> tag : event.tags().entrySet()) {
            jdbc.sql(TAG_ROLLUP).params(sums).param("tagKey", tag.getKey()).param("tagValue", tag.getValue()).update();
        }
        return true;
    }

    private static Map<String, Object> rollupSums(UsageEvent event, OffsetDateTime occurredAt, LedgerPricing pricing) {
        return Map.ofEntries(
                Map.entry("day", occurredAt.toLocalDate()),
                Map.entry("teamId", event.teamId()),
                Map.entry("currency", orEmpty(pricing.currency())),
                Map.entry("error", event.status() >= 400 ? 1 : 0),
                Map.entry("cacheHit", CacheOutcome.isHit(event.cacheOutcome()) ? 1 : 0),
                Map.entry("estimated", event.tokensEstimated() ? 1 : 0),
                Map.entry("inputTokens", event.inputTokens()),
                Map.entry("cachedInputTokens", event.cachedInputTokens()),
                Map.entry("outputTokens", event.outputTokens()),
                Map.entry("reasoningTokens", event.reasoningTokens()),
                Map.entry("cost", pricing.cost() == null ? BigDecimal.ZERO : pricing.cost()),
                Map.entry("savedCost", pricing.savedCost() == null ? BigDecimal.ZERO : pricing.savedCost()));
    }

    /** Creates the month partition holding {@code occurredAt} unless it exists (UTC months). */
    void ensurePartition(OffsetDateTime occurredAt) {
        YearMonth month = YearMonth.from(occurredAt.withOffsetSameInstant(ZoneOffset.UTC));
        if (!partitions.contains(month)) {
            jdbc.sql("SELECT usage.ensure_usage_partition(:ts)").param("ts", occurredAt).query(String.class).single();
            rememberOnceCommitted(month);
        }
    }

    /**
     * The partition is created inside the caller's transaction: if that rolls back (a row Postgres rejects, a
     * dropped connection), so does the CREATE TABLE, and a remembered month would send every later event of it to
     * a missing partition. So a month is remembered only once the DDL is committed.
     */
    private void rememberOnceCommitted(YearMonth month) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            partitions.add(month);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                partitions.add(month);
            }
        });
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public Optional<UsageEvent> find(String requestId) {
        return jdbc.sql("SELECT * FROM usage.usage_records WHERE request_id = :requestId")
                .param("requestId", requestId)
                .query(rowMapper)
                .optional();
    }

    /** A team's most recent requests, newest first; ties broken by request id so pages are stable. */
    public List<UsageEvent> recent(String teamId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM usage.usage_records
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
