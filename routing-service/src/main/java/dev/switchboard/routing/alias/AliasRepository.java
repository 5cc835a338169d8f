package dev.switchboard.routing.alias;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code routing.model_aliases}, and the look-ups into {@code routing.models} an alias change needs. */
@Repository
class AliasRepository {

    private static final String COLUMNS = "name, model_name, created_at, updated_at";

    private final JdbcClient jdbc;

    AliasRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean modelExists(String name) {
        return jdbc.sql("select exists (select 1 from routing.models where name = :name)")
                .param("name", name).query(Boolean.class).single();
    }

    Alias upsert(String name, String model) {
        return jdbc.sql("""
                        insert into routing.model_aliases (name, model_name) values (:name, :model)
                        on conflict (name) do update set model_name = excluded.model_name, updated_at = now()
                        returning\s""" + COLUMNS)
                .param("name", name).param("model", model).query(AliasRepository::map).single();
    }

    List<Alias> findAll() {
        return jdbc.sql("select " + COLUMNS + " from routing.model_aliases order by name")
                .query(AliasRepository::map).list();
    }

    Optional<Alias> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from routing.model_aliases where name = :name")
                .param("name", name).query(AliasRepository::map).optional();
    }

    boolean delete(String name) {
        return jdbc.sql("delete from routing.model_aliases where name = :name").param("name", name).update() == 1;
    }

    private static Alias map(ResultSet rs, int row) throws SQLException {
        return new Alias(rs.getString("name"), rs.getString("model_name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
