package dev.switchboard.devstack;

import dev.switchboard.testkit.server.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * usage-service's own PostgreSQL server: the ledger's database can then fail (and come back) alone while routing and
 * quota keep serving from theirs. Its data always lives in the work directory, so a stopped server starts again on
 * the same port with every row; a suite that keeps no data starts it from an empty directory.
 */
final class LedgerDatabase implements AutoCloseable {

    static final String DATABASE = "usage";

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgresServer server;

    private LedgerDatabase(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    static LedgerDatabase start(SuiteSettings settings) {
        Path data = settings.workDirectory().resolve("usage-postgres");
        if (!settings.keepData()) {
            deleteRecursively(data);
        }
        LedgerDatabase database = new LedgerDatabase(settings.ports().usagePostgres(), data);
        database.startServer();
        database.ensureDatabase(!settings.keepData());
        return database;
    }

    /** Stops the server (fast shutdown: open connections are cut, as when the database host fails). */
    void stop() {
        server.close();
    }

    /** Starts the stopped server again on its port, with its data; fails if the port is still taken. */
    void startAgain() {
        startServer();
    }

    /** {@code spring.datasource.*} for usage-service. */
    Map<String, String> datasourceProperties() {
        return Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", server.username(),
                "spring.datasource.password", server.password());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    String username() {
        return server.username();
    }

    String password() {
        return server.password();
    }

    @Override
    public void close() {
        server.close();
    }

    private void startServer() {
        server = EmbeddedPostgresServer.start(port, dataDirectory);
    }

    /**
     * Creates the ledger's database unless it exists. A throwaway suite's server also stops syncing to disk, as the
     * testkit's servers without a data directory do: its data must survive a stop and start (a clean shutdown writes
     * everything), never a machine crash, and fsyncs on a busy test machine slow the whole suite down. The setting is
     * reloaded at once and kept in the data directory for the restarts.
     */
    private void ensureDatabase(boolean throwaway) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                server.password())) {
            if (throwaway) {
                connection.createStatement().execute("alter system set fsync = off");
                connection.createStatement().execute("alter system set full_page_writes = off");
                connection.createStatement().execute("select pg_reload_conf()");
            }
            boolean exists = connection.createStatement()
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next();
            if (!exists) {
                connection.createStatement().execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + DATABASE, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + directory, e);
        }
    }
}
