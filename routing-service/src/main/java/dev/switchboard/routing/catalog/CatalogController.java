package dev.switchboard.routing.catalog;

import dev.switchboard.contracts.routing.CatalogModel;
import dev.switchboard.contracts.routing.ModelCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API: the enabled models, and the aliases that lead to one, for the edge's model list. {@code teamId}
 * is taken now so that per-team visibility (team pins and overrides) can narrow the list without changing the
 * contract; today every team sees every enabled model and alias.
 */
@RestController
class CatalogController {

    /** Aliases are the gateway's own names, not any provider's, so they are listed as owned by it. */
    static final String ALIAS_OWNER = "switchboard";

    private final JdbcClient jdbc;

    CatalogController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/internal/v1/models")
    ModelCatalog models(@RequestParam String teamId) {
        return new ModelCatalog(jdbc.sql("""
                        select m.name, m.provider_id as owned_by, extract(epoch from m.created_at)::bigint as created
                        from routing.models m
                        where m.enabled
                        union all
                        select a.name, :aliasOwner, extract(epoch from a.created_at)::bigint
                        from routing.model_aliases a
                        join routing.models m on m.name = a.model_name
                        where m.enabled
                        order by name
                        """)
                .param("aliasOwner", ALIAS_OWNER)
                .query((rs, row) -> new CatalogModel(rs.getString("name"), rs.getString("owned_by"),
                        rs.getLong("created")))
                .list());
    }
}
