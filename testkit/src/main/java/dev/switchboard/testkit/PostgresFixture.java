package dev.switchboard.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server shared by every test in the JVM.
 */
public interface PostgresFixture {

    /** JDBC URL of the shared database {@code postgres}. */
    String jdbcUrl();

    String username();

    String password();

    /**
     * Drops the database if it exists and creates a fresh empty one.
     *
     * @return the JDBC URL of the new database (same username and password)
     */
    String createDatabase(String name);

    /** Points {@code spring.datasource.url/username/password} at the shared database. */
    void register(DynamicPropertyRegistry registry);

    /** Creates a fresh database (see {@link #createDatabase}) and points {@code spring.datasource.*} at it. */
    void registerFreshDatabase(DynamicPropertyRegistry registry, String name);
}
