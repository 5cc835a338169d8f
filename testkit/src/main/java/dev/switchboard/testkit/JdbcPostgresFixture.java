package dev.switchboard.testkit;

import dev.switchboard.testkit.server.PostgresDatabaseAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A {@link PostgresFixture} over any reachable server, embedded or in a container.
 */
final class JdbcPostgresFixture implements PostgresFixture {

    private final PostgresDatabaseAdmin admin;

    JdbcPostgresFixture(PostgresDatabaseAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String jdbcUrl() {
        return admin.adminJdbcUrl();
    }

    @Override
    public String username() {
        return admin.username();
    }

    @Override
    public String password() {
        return admin.password();
    }

    @Override
    public String createDatabase(String name) {
        return admin.createDatabase(name);
    }

    @Override
    public void register(DynamicPropertyRegistry registry) {
        registerDatabase(registry, jdbcUrl());
    }

    @Override
    public void registerFreshDatabase(DynamicPropertyRegistry registry, String name) {
        // Created now rather than in the supplier, so a failure points at the test class that asked for it.
        registerDatabase(registry, createDatabase(name));
    }

    private void registerDatabase(DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", this::username);
        registry.add("spring.datasource.password", this::password);
    }

    @Override
    public String toString() {
        return "PostgresFixture[" + jdbcUrl() + "]";
    }
}
