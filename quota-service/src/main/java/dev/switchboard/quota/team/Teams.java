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

    private static final String COLUMNS = "id, name, organisation_id, log_prompts, created_at";

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the team, or returns empty when the id is taken. */
    Optional<Team> create(String id, String name, String organisationId, boolean logPrompts) {
        try {
            return Optional.of(jdbc.sql("""
                            insert into quota.teams (id, name, organisation_id, log_prompts)
                            values (:id, :name, :organisationId, :logPrompts)
                            returning\s""" + COLUMNS)
                    .param("id", id)
                    .param("name", name)
                    .param("organisationId", organisationId)
                    .param("logPrompts", logPrompts)
                    .query(Teams::map)
                    .single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<Team> update(String id, String name, String organisationId, boolean logPrompts) {
        return jdbc.sql("""
                        update quota.teams set name = :name, organisation_id = :organisationId,
                            log_prompts = :logPrompts
                        where id = :id
                        returning\s""" + COLUMNS)
                .param("id", id).param("name", name).param("organisationId", organisationId)
                .param("logPrompts", logPrompts)
                .query(Teams::map).optional();
    }

    /** Key ids of the team's keys that still authenticate, at most {@code max}. */
    List<String> activeKeys(String id, int max) {
        return jdbc.sql("""
                        select id from quota.api_keys
                        where team_id = :id and status = 'active' and (expires_at is null or expires_at > now())
                        order by id limit :max""")
                .param("id", id).param("max", max).query(String.class).list();
    }

    /** Deletes the team with its revoked and expired keys, whose creation and revocation the audit log keeps. */
    void delete(String id) {
        jdbc.sql("delete from quota.api_keys where team_id = :id").param("id", id).update();
        jdbc.sql("delete from quota.teams where id = :id").param("id", id).update();
    }

    List<Team> findAll() {
        return jdbc.sql("select " + COLUMNS + " from quota.teams order by id").query(Teams::map).list();
    }

    public Optional<Team> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from quota.teams where id = :id")
                .param("id", id)
                .query(Teams::map)
                .optional();
    }

    /** Whether the team opted in to prompt logging; false for an unknown team. */
    public boolean logsPrompts(String id) {
        return jdbc.sql("select log_prompts from quota.teams where id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    public boolean exists(String id) {
        return findById(id).isPresent();
    }

    private static Team map(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getString("id"), rs.getString("name"), rs.getString("organisation_id"),
                rs.getBoolean("log_prompts"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
