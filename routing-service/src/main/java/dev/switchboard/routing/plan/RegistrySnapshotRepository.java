package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.ModelCapabilities;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.routing.model.PriceVersion;
import dev.switchboard.routing.plan.RegistrySnapshot.ModelFacts;
import dev.switchboard.routing.plan.RegistrySnapshot.ProviderFacts;
import dev.switchboard.routing.provider.TimeoutColumns;
import dev.switchboard.routing.registry.RegistryReferences;
import dev.switchboard.routing.registry.RegistryVersion;
import dev.switchboard.routing.rule.RouteRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the whole registry in one repeatable-read transaction, so every part comes from the same version, plus
 * when the next scheduled price falls due.
 */
@Repository
class RegistrySnapshotRepository {

    private final JdbcClient jdbc;
    private final RegistryVersion registryVersion;
    private final RouteRepository routes;

    RegistrySnapshotRepository(JdbcClient jdbc, RegistryVersion registryVersion, RouteRepository routes) {
        this.jdbc = jdbc;
        this.registryVersion = registryVersion;
        this.routes = routes;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    LoadedSnapshot load() {
        long version = registryVersion.current();
        // read before the prices: a price that falls due while they are read is then in force or still to come,
        // never both missed and not awaited
        Instant loadedAt = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
        Instant nextPriceChange = jdbc.sql("""
                        select effective_from from routing.model_prices where effective_from > :at
                        order by effective_from limit 1""")
                .param("at", loadedAt.atOffset(ZoneOffset.UTC))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
        Map<String, ProviderFacts> providers = new HashMap<>();
        jdbc.sql("""
                        select id, type, base_url, credential_ref, enabled, connect_timeout_millis,
                               first_token_timeout_millis, idle_timeout_millis, total_timeout_millis
                        from routing.providers""")
                .query(rs -> {
                    providers.put(rs.getString("id"), provider(rs));
                });
        Map<String, ModelFacts> models = new HashMap<>();
        jdbc.sql("""
                        select m.name, m.provider_id, m.upstream_model, m.version, m.enabled, m.max_output_tokens,
                               m.context_window, m.supports_tools, m.supports_structured_output, m.supports_vision,
                               m.reasoning_tier, m.kind, m.fallbacks, p.id as price_id, p.input_per_million,
                               p.cached_input_per_million, p.output_per_million, p.currency
                        from routing.models m
                        left join routing.prices_in_force p on p.model_name = m.name and p.model_version = m.version""")
                .query(rs -> {
                    models.put(rs.getString("name"), model(rs));
                });
        Map<String, String> aliases = new HashMap<>();
        jdbc.sql("select name, model_name from routing.model_aliases").query(rs -> {
            aliases.put(rs.getString("name"), rs.getString("model_name"));
        });
        RegistrySnapshot snapshot = new RegistrySnapshot(version, providers, models, aliases, routes.findEnabledInOrder());
        return new LoadedSnapshot(snapshot, loadedAt, nextPriceChange);
    }

    private static ProviderFacts provider(ResultSet rs) throws SQLException {
        return new ProviderFacts(rs.getString("id"), rs.getString("type"), rs.getString("base_url"),
                rs.getString("credential_ref"), rs.getBoolean("enabled"), TimeoutColumns.read(rs));
    }

    private static ModelFacts model(ResultSet rs) throws SQLException {
        ModelCapabilities capabilities = new ModelCapabilities(rs.getLong("context_window"),
                rs.getInt("max_output_tokens"), rs.getBoolean("supports_tools"),
                rs.getBoolean("supports_structured_output"), rs.getBoolean("supports_vision"),
                rs.getString("reasoning_tier"));
        return new ModelFacts(rs.getString("name"), rs.getString("provider_id"), rs.getString("upstream_model"),
                rs.getString("version"), rs.getBoolean("enabled"), capabilities, price(rs),
                RegistryReferences.strings(rs.getArray("fallbacks")), rs.getString("kind"));
    }

    private static ModelPrice price(ResultSet rs) throws SQLException {
        long id = rs.getLong("price_id");
        if (rs.wasNull()) {
            return null;
        }
        return new ModelPrice(PriceVersion.of(id), rs.getBigDecimal("input_per_million"),
                rs.getBigDecimal("cached_input_per_million"), rs.getBigDecimal("output_per_million"),
                rs.getString("currency"));
    }
}
