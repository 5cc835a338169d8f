package dev.switchboard.testkit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates throw-away databases on a PostgreSQL server through its maintenance database.
 *
 * @param adminJdbcUrl JDBC URL of a database that always exists (normally {@code postgres})
 */
public record PostgresDatabaseAdmin(String adminJdbcUrl, String username, String password) {

    // Kept strict so a name can be spliced into a quoted identifier and a URL path without escaping.
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    /**
     * Drops the database if it exists (closing its open connections) and creates it empty.
     *
     * @return the JDBC URL of the new database
     */
    public String createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + name);
        }
        if (name.equals(currentDatabase())) {
            throw new IllegalArgumentException("Refusing to recreate the maintenance database " + name);
        }
        // WITH (FORCE) ends sessions a previous test left open (PostgreSQL 13+); CREATE DATABASE cannot run in a transaction.
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + name + " via " + adminJdbcUrl, ex);
        }
        return jdbcUrl(name);
    }

    /** The admin URL with its database swapped for {@code database}; query parameters are kept. */
    public String jdbcUrl(String database) {
        var matcher = URL.matcher(adminJdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException("Unexpected PostgreSQL JDBC URL: " + adminJdbcUrl);
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    private String currentDatabase() {
        var matcher = URL.matcher(adminJdbcUrl);
        return matcher.matches() ? matcher.group(2) : null;
    }
}
