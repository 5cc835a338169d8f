package dev.switchboard.routing.model;

import dev.switchboard.routing.registry.RegistryReferences;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code routing.models}, its price history, and the aliases that point at models. */
@Repository
class ModelRepository {

    private static final String SELECT_WITH_PRICE = """
            select m.name, m.provider_id, m.upstream_model, m.version, m.max_output_tokens, m.enabled,
                   m.context_window, m.supports_tools, m.supports_structured_output, m.supports_vision,
                   m.reasoning_tier, m.kind, m.fallbacks, m.created_at, m.updated_at, p.id as price_id, p.input_per_million,
                   p.cached_input_per_million, p.output_per_million, p.currency, p.effective_from
            from routing.models m
            left join routing.prices_in_force p on p.model_name = m.name and p.model_version = m.version
            """;

    /** Rows of the models' current versions that are still to take effect, soonest first. */
    private static final String SELECT_SCHEDULED = """
            select p.model_name, p.id as price_id, p.input_per_million, p.cached_input_per_million,
                   p.output_per_million, p.currency, p.effective_from
            from routing.model_prices p
            join routing.models m on m.name = p.model_name and m.version = p.model_version
            where p.effective_from > clock_timestamp() %s
            order by p.effective_from, p.id
            """;

    /** The row in force at a given instant: the latest that has taken effect by then, the later write on a tie. */
    private static final String SELECT_PRICE_AT = """
            select id as price_id, input_per_million, cached_input_per_million, output_per_million, currency,
                   effective_from
            from routing.model_prices
            where model_name = :name and model_version = :version and effective_from <= %s
            order by effective_from desc, id desc
            limit 1
            """;

    private final JdbcClient jdbc;

    ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean providerExists(String providerId) {
        return jdbc.sql("select exists (select 1 from routing.providers where id = :id)")
                .param("id", providerId).query(Boolean.class).single();
    }

    void upsert(String name, String providerId, String upstreamModel, String version, int maxOutputTokens,
                boolean enabled, Capabilities capabilities, List<String> fallbacks) {
        jdbc.sql("""
                        insert into routing.models
                            (name, provider_id, upstream_model, version, max_output_tokens, enabled, context_window,
                             supports_tools, supports_structured_output, supports_vision, reasoning_tier, kind, fallbacks)
                        values (:name, :providerId, :upstreamModel, :version, :maxOutputTokens, :enabled,
                            :contextWindow, :tools, :structuredOutput, :vision, :reasoningTier, :kind, :fallbacks)
                        on conflict (name) do update
                        set provider_id = excluded.provider_id, upstream_model = excluded.upstream_model,
                            version = excluded.version, max_output_tokens = excluded.max_output_tokens,
                            enabled = excluded.enabled, context_window = excluded.context_window,
                            supports_tools = excluded.supports_tools,
                            supports_structured_output = excluded.supports_structured_output,
                            supports_vision = excluded.supports_vision, reasoning_tier = excluded.reasoning_tier,
                            kind = excluded.kind,
                            fallbacks = excluded.fallbacks, updated_at = now()
                        """)
                .param("name", name).param("providerId", providerId).param("upstreamModel", upstreamModel)
                .param("version", version).param("maxOutputTokens", maxOutputTokens).param("enabled", enabled)
                .param("contextWindow", capabilities.contextWindow()).param("tools", capabilities.supportsTools())
                .param("structuredOutput", capabilities.supportsStructuredOutput())
                .param("vision", capabilities.supportsVision()).param("reasoningTier", capabilities.reasoningTier())
                .param("kind", capabilities.kind())
                .param("fallbacks", fallbacks.toArray(String[]::new))
                .update();
    }

    /** The alias pointing at {@code name}, if {@code name} is an alias rather than a model. */
    Optional<String> aliasTarget(String name) {
        return jdbc.sql("select model_name from routing.model_aliases where name = :name")
                .param("name", name).query(String.class).optional();
    }

    /** Up to {@code limit} aliases that point at the model, for a helpful conflict message. */
    List<String> aliasesOf(String name, int limit) {
        return jdbc.sql("select name from routing.model_aliases where model_name = :name order by name limit :limit")
                .param("name", name).param("limit", limit).query(String.class).list();
    }

    /**
     * Appends to the price history; rows are never updated, because bills point at them. Without an
     * {@code effectiveFrom} the column default (the database clock) dates the row.
     */
    void insertPrice(String name, String version, PriceRequest price) {
        String effectiveFrom = price.effectiveFrom() == null ? "clock_timestamp()" : ":effectiveFrom";
        JdbcClient.StatementSpec insert = jdbc.sql("""
                        insert into routing.model_prices
                            (model_name, model_version, input_per_million, cached_input_per_million, output_per_million,
                             currency, effective_from)
                        values (:name, :version, :input, :cachedInput, :output, :currency, %s)
                        """.formatted(effectiveFrom))
                .param("name", name).param("version", version).param("input", price.inputPerMillion())
                .param("cachedInput", price.cachedInputPerMillion()).param("output", price.outputPerMillion())
                .param("currency", price.currencyOrDefault());
        if (price.effectiveFrom() != null) {
            insert = insert.param("effectiveFrom", utc(price.effectiveFrom()));
        }
        insert.update();
    }

    /** The price row of that model version in force at {@code at}, or now when {@code at} is null. */
    Optional<Price> priceAt(String name, String version, Instant at) {
        JdbcClient.StatementSpec select = jdbc.sql(SELECT_PRICE_AT.formatted(at == null ? "clock_timestamp()" : ":at"))
                .param("name", name).param("version", version);
        if (at != null) {
            select = select.param("at", utc(at));
        }
        return select.query(ModelRepository::price).optional();
    }

    Optional<Model> findByName(String name) {
        return jdbc.sql(SELECT_WITH_PRICE + "where m.name = :name").param("name", name)
                .query(ModelRepository::map).optional()
                .map(model -> model.withScheduledPrices(scheduled("and m.name = :name", name)
                        .getOrDefault(name, List.of())));
    }

    List<Model> findAll() {
        Map<String, List<Price>> scheduled = scheduled("", null);
        return jdbc.sql(SELECT_WITH_PRICE + "order by m.name").query(ModelRepository::map).list().stream()
                .map(model -> model.withScheduledPrices(scheduled.getOrDefault(model.name(), List.of())))
                .toList();
    }

    /** Scheduled prices by model name, in one query however many models are listed. */
    private Map<String, List<Price>> scheduled(String condition, String name) {
        JdbcClient.StatementSpec select = jdbc.sql(SELECT_SCHEDULED.formatted(condition));
        if (name != null) {
            select = select.param("name", name);
        }
        Map<String, List<Price>> byModel = new HashMap<>();
        select.query(rs -> {
            byModel.computeIfAbsent(rs.getString("model_name"), key -> new ArrayList<>()).add(price(rs, 0));
        });
        return byModel;
    }

    boolean delete(String name) {
        return jdbc.sql("delete from routing.models where name = :name").param("name", name).update() == 1;
    }

    private static Model map(ResultSet rs, int row) throws SQLException {
        return new Model(rs.getString("name"), rs.getString("provider_id"), rs.getString("upstream_model"),
                rs.getString("version"), rs.getInt("max_output_tokens"), rs.getBoolean("enabled"), capabilities(rs),
                RegistryReferences.strings(rs.getArray("fallbacks")), price(rs, row), List.of(),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Capabilities capabilities(ResultSet rs) throws SQLException {
        return new Capabilities(rs.getInt("context_window"), rs.getBoolean("supports_tools"),
                rs.getBoolean("supports_structured_output"), rs.getBoolean("supports_vision"),
                rs.getString("reasoning_tier"), rs.getString("kind"));
    }

    private static Price price(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("price_id");
        if (rs.wasNull()) {
            return null;
        }
        BigDecimal cachedInput = rs.getBigDecimal("cached_input_per_million");
        return new Price(PriceVersion.of(id), rs.getBigDecimal("input_per_million"), cachedInput,
                rs.getBigDecimal("output_per_million"), rs.getString("currency"), instant(rs, "effective_from"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
