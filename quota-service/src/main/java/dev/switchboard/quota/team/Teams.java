package dev.switchboard.quota.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code quota.teams}; other features ask it whether a team exists. */
@Repository
public class Teams {

    static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the team, or returns empty when the id is taken. */
    Optional<Team> create(String id, String name) {
        try {
            return Optional.of(jdbc.sql("""
                            insert into quota.teams (id, name) values (:id, :name)
                            returning id, name, created_at""")
                    .param("id", id)
                    .param("name", name)
                    .query(Teams::map)
                    .single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    List<Team> findAll() {
        return jdbc.sql("select id, name, created_at from quota.teams order by id").query(Teams::map).list();
    }

    public Optional<Team> findById(String id) {
        return jdbc.sql("select id, name, created_at from quota.teams where id = :id")
                .param("id", id)
                .query(Teams::map)
                .optional();
    }

    public boolean exists(String id) {
        return findById(id).isPresent();
    }

    private static Team map(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getString("id"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
