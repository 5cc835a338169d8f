package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.PostgresFixture;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Rows written before V3 keep working: they take the capability defaults, and the new check still holds. */
class ModelCapabilitiesMigrationIntegrationTests {

    @Test
    void existingModelsTakeDefaultsAndLargeOutputLimitsWidenTheirWindow() throws Exception {
        PostgresFixture postgres = SwitchboardInfrastructure.postgres();
        String url = postgres.createDatabase("routing_capabilities_migration_tests");
        migrate(url, "2");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement sql = connection.createStatement()) {
            sql.execute("insert into routing.providers (id, type, base_url) values ('p', 'openai', 'http://h/v1')");
            sql.execute("""
                    insert into routing.models (name, provider_id, upstream_model, version, max_output_tokens)
                    values ('plain', 'p', 'plain', '1', 4096), ('long-output', 'p', 'long-output', '1', 200000)""");

            migrate(url, "latest");

            try (ResultSet rs = sql.executeQuery("""
                    select name, context_window, supports_tools, supports_structured_output, supports_vision,
                           reasoning_tier from routing.models order by name""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("long-output");
                assertThat(rs.getInt("context_window")).isEqualTo(200000);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("context_window")).isEqualTo(128000);
                assertThat(rs.getBoolean("supports_tools")).isFalse();
                assertThat(rs.getBoolean("supports_structured_output")).isFalse();
                assertThat(rs.getBoolean("supports_vision")).isFalse();
                assertThat(rs.getString("reasoning_tier")).isEqualTo("none");
            }
        }
    }

    private static void migrate(String url, String target) {
        PostgresFixture postgres = SwitchboardInfrastructure.postgres();
        Flyway.configure().dataSource(url, postgres.username(), postgres.password())
                .schemas("routing").defaultSchema("routing").createSchemas(true).target(target)
                .load().migrate();
    }
}
