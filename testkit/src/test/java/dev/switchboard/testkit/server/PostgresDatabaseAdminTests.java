package dev.switchboard.testkit.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDatabaseAdminTests {

    @Test
    void swapsTheDatabaseInAUrlAndKeepsItsParameters() {
        var admin = new PostgresDatabaseAdmin("jdbc:postgresql://localhost:32768/postgres?loggerLevel=OFF", "test", "test");

        assertThat(admin.jdbcUrl("quota")).isEqualTo("jdbc:postgresql://localhost:32768/quota?loggerLevel=OFF");
    }

    @Test
    void swapsTheDatabaseInAUrlWithoutParameters() {
        var admin = new PostgresDatabaseAdmin("jdbc:postgresql://localhost:5432/postgres", "postgres", "postgres");

        assertThat(admin.jdbcUrl("usage")).isEqualTo("jdbc:postgresql://localhost:5432/usage");
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        var admin = new PostgresDatabaseAdmin("jdbc:postgresql://localhost:5432/postgres", "postgres", "postgres");

        assertThatThrownBy(() -> admin.createDatabase("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admin.createDatabase("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admin.createDatabase(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
