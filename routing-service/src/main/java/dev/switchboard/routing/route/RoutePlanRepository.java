package dev.switchboard.routing.route;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.routing.model.PriceVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a model's candidate (by name or through an alias) and the registry version in one statement, so
 * both come from one snapshot.
 */
@Repository
class RoutePlanRepository {

    private static final String SELECT_CANDIDATE = """
            select m.name, m.upstream_model, m.version, p.id as provider_id, p.type, p.base_url,
                   p.credential_ref, pr.id as price_id, pr.input_per_million,
                   pr.cached_input_per_million, pr.output_per_million, rv.version as registry_version
            from routing.models m
            join routing.providers p on p.id = m.provider_id
            left join routing.prices_in_force pr on pr.model_name = m.name and pr.model_version = m.version
            cross join routing.registry_version rv
            """;

    private final JdbcClient jdbc;

    RoutePlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VersionedCandidate> findEnabledModel(String model) {
        return jdbc.sql(SELECT_CANDIDATE + "where m.name = :model and m.enabled")
                .param("model", model).query(RoutePlanRepository::map).optional();
    }

    /** The candidate of the model an alias points at, when that model is enabled. */
    Optional<VersionedCandidate> findEnabledModelByAlias(String alias) {
        return jdbc.sql(SELECT_CANDIDATE + """
                        join routing.model_aliases a on a.model_name = m.name
                        where a.name = :alias and m.enabled
                        """)
                .param("alias", alias).query(RoutePlanRepository::map).optional();
    }

    private static VersionedCandidate map(ResultSet rs, int row) throws SQLException {
        RouteCandidate candidate = new RouteCandidate(rs.getString("provider_id"), rs.getString("type"),
                rs.getString("base_url"), rs.getString("credential_ref"), rs.getString("name"),
                rs.getString("upstream_model"), rs.getString("version"), price(rs));
        return new VersionedCandidate(candidate, rs.getLong("registry_version"));
    }

    private static ModelPrice price(ResultSet rs) throws SQLException {
        long id = rs.getLong("price_id");
        if (rs.wasNull()) {
            return null;
        }
        return new ModelPrice(PriceVersion.of(id), rs.getBigDecimal("input_per_million"),
                rs.getBigDecimal("cached_input_per_million"), rs.getBigDecimal("output_per_million"));
    }

    record VersionedCandidate(RouteCandidate candidate, long registryVersion) {
    }
}
