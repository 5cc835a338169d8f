package dev.switchboard.routing.provider;

import dev.switchboard.contracts.routing.ProviderTimeouts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code routing.providers}. */
@Repository
class ProviderRepository {

    private static final String COLUMNS = """
            id, type, base_url, credential_ref, enabled, connect_timeout_millis, first_token_timeout_millis,
            idle_timeout_millis, total_timeout_millis, created_at, updated_at""";

    private final JdbcClient jdbc;

    ProviderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Provider upsert(String id, String type, String baseUrl, String credentialRef, boolean enabled,
                    ProviderTimeouts timeouts) {
        return jdbc.sql("""
                        insert into routing.providers (id, type, base_url, credential_ref, enabled,
                            connect_timeout_millis, first_token_timeout_millis, idle_timeout_millis,
                            total_timeout_millis)
                        values (:id, :type, :baseUrl, :credentialRef, :enabled, :connect, :firstToken, :idle, :total)
                        on conflict (id) do update
                        set type = excluded.type, base_url = excluded.base_url,
                            credential_ref = excluded.credential_ref, enabled = excluded.enabled,
                            connect_timeout_millis = excluded.connect_timeout_millis,
                            first_token_timeout_millis = excluded.first_token_timeout_millis,
                            idle_timeout_millis = excluded.idle_timeout_millis,
                            total_timeout_millis = excluded.total_timeout_millis, updated_at = now()
                        returning\s""" + COLUMNS)
                .param("id", id).param("type", type).param("baseUrl", baseUrl).param("credentialRef", credentialRef)
                .param("enabled", enabled).param("connect", timeouts.connectMillis())
                .param("firstToken", timeouts.firstTokenMillis()).param("idle", timeouts.idleMillis())
                .param("total", timeouts.totalMillis())
                .query(ProviderRepository::map).single();
    }

    List<Provider> findAll() {
        return jdbc.sql("select " + COLUMNS + " from routing.providers order by id")
                .query(ProviderRepository::map).list();
    }

    Optional<Provider> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from routing.providers where id = :id")
                .param("id", id).query(ProviderRepository::map).optional();
    }

    /** Up to {@code limit} names of models served by the provider, for a helpful conflict message. */
    List<String> modelsUsing(String id, int limit) {
        return jdbc.sql("select name from routing.models where provider_id = :id order by name limit :limit")
                .param("id", id).param("limit", limit).query(String.class).list();
    }

    boolean delete(String id) {
        return jdbc.sql("delete from routing.providers where id = :id").param("id", id).update() == 1;
    }

    private static Provider map(ResultSet rs, int row) throws SQLException {
        return new Provider(rs.getString("id"), rs.getString("type"), rs.getString("base_url"),
                rs.getString("credential_ref"), rs.getBoolean("enabled"), TimeoutColumns.read(rs),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
