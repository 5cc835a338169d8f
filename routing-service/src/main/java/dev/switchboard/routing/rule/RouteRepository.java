package dev.switchboard.routing.rule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code routing.routes}; the definition travels as JSON, the columns serve ordering and references. */
@Repository
public class RouteRepository {

    private static final String COLUMNS = "name, definition::text as definition, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RouteRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The enabled rules in evaluation order, for route planning. */
    public List<RouteRule> findEnabledInOrder() {
        return jdbc.sql("select name, definition::text as definition from routing.routes where enabled order by position")
                .query((rs, row) -> new RouteRule(rs.getString("name"), definition(rs))).list();
    }

    Route upsert(String name, RouteDefinition definition, Collection<String> modelRefs) {
        return jdbc.sql("""
                        insert into routing.routes (name, position, enabled, definition, model_refs)
                        values (:name, :position, :enabled, cast(:definition as jsonb), :modelRefs)
                        on conflict (name) do update
                        set position = excluded.position, enabled = excluded.enabled,
                            definition = excluded.definition, model_refs = excluded.model_refs, updated_at = now()
                        returning\s""" + COLUMNS)
                .param("name", name).param("position", definition.position()).param("enabled", definition.enabled())
                .param("definition", json.writeValueAsString(definition))
                .param("modelRefs", modelRefs.toArray(String[]::new))
                .query(this::map).single();
    }

    /** The other rule at that position, if any: positions are unique so the evaluation order is never a tie. */
    Optional<String> holderOfPosition(int position, String except) {
        return jdbc.sql("select name from routing.routes where position = :position and name <> :name")
                .param("position", position).param("name", except).query(String.class).optional();
    }

    /** Each position more than one rule holds, e.g. {@code position 10: a, b}; empty when none. */
    List<String> positionClashes() {
        return jdbc.sql("""
                        select 'position ' || position || ': ' || string_agg(name, ', ' order by name)
                        from routing.routes group by position having count(*) > 1 order by position""")
                .query(String.class).list();
    }

    List<Route> findAll() {
        return jdbc.sql("select " + COLUMNS + " from routing.routes order by position").query(this::map).list();
    }

    Optional<Route> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from routing.routes where name = :name")
                .param("name", name).query(this::map).optional();
    }

    boolean delete(String name) {
        return jdbc.sql("delete from routing.routes where name = :name").param("name", name).update() == 1;
    }

    private Route map(ResultSet rs, int row) throws SQLException {
        return new Route(rs.getString("name"), definition(rs),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private RouteDefinition definition(ResultSet rs) throws SQLException {
        return json.readValue(rs.getString("definition"), RouteDefinition.class);
    }
}
