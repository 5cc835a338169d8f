package dev.switchboard.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresFixtureIntegrationTests {

    private final PostgresFixture postgres = SwitchboardInfrastructure.postgres();

    @Test
    void runsSqlOnARealPostgresServer() throws SQLException {
        assertThat(queryString(postgres.jdbcUrl(), "select version()")).contains("PostgreSQL 17");
    }

    @Test
    void createdDatabasesAreIsolatedFromEachOther() throws SQLException {
        String first = postgres.createDatabase("isolation_first");
        String second = postgres.createDatabase("isolation_second");
        execute(first, "create table note (text varchar(20)); insert into note values ('only in first')");

        assertThat(queryString(first, "select text from note")).isEqualTo("only in first");
        assertThat(queryString(second, "select count(*) from information_schema.tables where table_name = 'note'"))
            .isEqualTo("0");
        assertThat(queryString(first, "select current_database()")).isEqualTo("isolation_first");
    }

    @Test
    void createDatabaseReplacesAnExistingDatabaseEvenWithOpenConnections() throws SQLException {
        String url = postgres.createDatabase("recreated");
        execute(url, "create table leftover (id int)");
        try (Connection stillOpen = connect(url)) {
            postgres.createDatabase("recreated");

            assertThat(queryString(url, "select count(*) from information_schema.tables where table_name = 'leftover'"))
                .isEqualTo("0");
        }
    }

    @Test
    void rejectsDatabaseNamesThatWouldNeedQuoting() {
        assertThatThrownBy(() -> postgres.createDatabase("x\"; drop database postgres; --"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.createDatabase("postgres")).isInstanceOf(IllegalArgumentException.class);
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.username(), postgres.password());
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String queryString(String url, String sql) throws SQLException {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
