package dev.switchboard.routing.registry;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who names which model or alias: model fallbacks, aliases and route rules. Admin changes use it to refuse
 * fallback cycles and to refuse deleting a name something still depends on. Call it inside the change's
 * transaction, after {@link RegistryVersion#bump()}, so no concurrent change can slip in between.
 */
@Repository
public class RegistryReferences {

    private final JdbcClient jdbc;

    RegistryReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FallbackGraph fallbackGraph() {
        Map<String, List<String>> fallbacks = new HashMap<>();
        jdbc.sql("select name, fallbacks from routing.models").query(rs -> {
            fallbacks.put(rs.getString("name"), strings(rs.getArray("fallbacks")));
        });
        Map<String, String> aliases = new HashMap<>();
        jdbc.sql("select name, model_name from routing.model_aliases")
                .query(rs -> {
                    aliases.put(rs.getString("name"), rs.getString("model_name"));
                });
        return new FallbackGraph(fallbacks, aliases);
    }

    /**
     * Up to {@code limit} things that name the model or alias, e.g. {@code model gpt-b (fallback)} or
     * {@code route billing}; aliases pointing at a model are the caller's own business.
     */
    public List<String> dependentsOf(String name, int limit) {
        List<String> dependents = new ArrayList<>(jdbc.sql("""
                        select 'model ' || name || ' (fallback)' from routing.models
                        where :name = any (fallbacks) order by name limit :limit""")
                .param("name", name).param("limit", limit).query(String.class).list());
        dependents.addAll(jdbc.sql("""
                        select 'route ' || name from routing.routes
                        where :name = any (model_refs) order by position limit :limit""")
                .param("name", name).param("limit", limit).query(String.class).list());
        return dependents.size() > limit ? dependents.subList(0, limit) : dependents;
    }

    /** A conflict message tail such as {@code model a (fallback), route b}, marked when cut at {@code limit}. */
    public static String describe(List<String> dependents, int limit) {
        return String.join(", ", dependents) + (dependents.size() >= limit ? ", ..." : "");
    }

    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
