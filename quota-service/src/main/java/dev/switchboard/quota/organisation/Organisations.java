package dev.switchboard.quota.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code quota.organisations}; teams ask it whether an organisation exists. */
@Repository
public class Organisations {

    private static final String COLUMNS = "id, name, created_at";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Organisation upsert(String id, String name) {
        return jdbc.sql("""
                        insert into quota.organisations (id, name) values (:id, :name)
                        on conflict (id) do update set name = excluded.name
                        returning\s""" + COLUMNS)
                .param("id", id).param("name", name)
                .query(Organisations::map).single();
    }

    List<Organisation> findAll() {
        return jdbc.sql("select " + COLUMNS + " from quota.organisations order by id").query(Organisations::map).list();
    }

    Optional<Organisation> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from quota.organisations where id = :id")
                .param("id", id).query(Organisations::map).optional();
    }

    public boolean exists(String id) {
        return findById(id).isPresent();
    }

    List<String> teamsOf(String id, int max) {
        return jdbc.sql("select id from quota.teams where organisation_id = :id order by id limit :max")
                .param("id", id).param("max", max).query(String.class).list();
    }

    void delete(String id) {
        jdbc.sql("delete from quota.organisations where id = :id").param("id", id).update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getString("id"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
