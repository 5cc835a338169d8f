package dev.switchboard.testkit.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerIntegrationTests {

    @Test
    void keepsDataAcrossRestartsOnTheRequestedPortAndDataDirectory(@TempDir Path dataDirectory) throws SQLException {
        int port = FreePorts.next();
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(port, dataDirectory)) {
            assertThat(first.port()).isEqualTo(port);
            assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/postgres");
            String url = first.createDatabase("devstack");
            execute(first, url, "create table survivor (name text); insert into survivor values ('kept')");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(port, dataDirectory)) {
            assertThat(query(second, second.jdbcUrl("devstack"), "select name from survivor")).isEqualTo("kept");
        }
    }

    private static void execute(EmbeddedPostgresServer server, String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedPostgresServer server, String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
