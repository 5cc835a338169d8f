package dev.switchboard.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky binaries, version set by the binaries BOM) running as a child process.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String USERNAME = "postgres";

    // zonky's initdb uses trust authentication, so any password works; clients that insist on one get this.
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private final PostgresDatabaseAdmin admin;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Thread shutdownHook;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.admin = new PostgresDatabaseAdmin("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                USERNAME, PASSWORD);
        this.shutdownHook = ShutdownHooks.register("postgres-" + postgres.getPort(), this::close);
    }

    /**
     * Starts PostgreSQL on {@code port}.
     *
     * @param dataDirectory where to keep the cluster between starts, or {@code null} for a throw-away one
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        long started = System.nanoTime();
        QuietLoggers.warnUnlessConfigured(QuietLoggers.POSTGRES);
        FreePorts.requireFree(port, "PostgreSQL");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(30))
            // ours waits for Spring contexts to close first, zonky's would not
            .setRegisterShutdownHook(false)
            // Several cached Spring contexts, each with a Hikari pool, share one server.
            .setServerConfig("max_connections", "300");
        if (dataDirectory == null) {
            // Nothing survives anyway, so durability only costs time.
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        else {
            createDirectories(dataDirectory);
            // zonky runs initdb only when the directory holds no cluster yet, so a restart keeps the data.
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            log.info("PostgreSQL started on port {} in {} ms{}", port, (System.nanoTime() - started) / 1_000_000,
                    dataDirectory == null ? "" : " (data in " + dataDirectory + ")");
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL on port " + port, ex);
        }
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return admin.adminJdbcUrl();
    }

    /** JDBC URL of another database on this server. */
    public String jdbcUrl(String database) {
        return admin.jdbcUrl(database);
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Drops (if present) and creates an empty database; returns its JDBC URL. */
    public String createDatabase(String name) {
        return admin.createDatabase(name);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ShutdownHooks.unregister(shutdownHook);
        try {
            postgres.close();
            log.info("PostgreSQL on port {} stopped", postgres.getPort());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", ex);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create " + directory, ex);
        }
    }
}
