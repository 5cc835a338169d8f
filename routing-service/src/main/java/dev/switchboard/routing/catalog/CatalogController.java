package dev.switchboard.routing.catalog;

import dev.switchboard.contracts.routing.CatalogModel;
import dev.switchboard.contracts.routing.ModelCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API: the enabled models, for the edge's model list. {@code teamId} is taken now so that per-team
 * visibility (team pins and overrides) can narrow the list without changing the contract; today every team
 * sees every enabled model.
 */
@RestController
class CatalogController {

    private final JdbcClient jdbc;

    CatalogController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/internal/v1/models")
    ModelCatalog models(@RequestParam String teamId) {
        return new ModelCatalog(jdbc.sql("""
                        select m.name, m.provider_id, extract(epoch from m.created_at)::bigint as created
                        from routing.models m
                        where m.enabled
                        order by m.name
                        """)
                .query((rs, row) -> new CatalogModel(rs.getString("name"), rs.getString("provider_id"),
                        rs.getLong("created")))
                .list());
    }
}
