package dev.switchboard.testkit.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis on a chosen port: the system's {@code redis-server} when it is on the PATH (Redis 7 on Debian),
 * otherwise the Redis 6.2 binary bundled in the embedded-redis jar.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisServerProcess.class);

    private static final String HOST = "127.0.0.1";

    private static final long STARTUP_TIMEOUT_MILLIS = 10_000;

    private final int port;

    private final Stoppable process;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Thread shutdownHook;

    private RedisServerProcess(int port, Stoppable process) {
        this.port = port;
        this.process = process;
        this.shutdownHook = ShutdownHooks.register("redis-" + port, this::close);
    }

    /** Starts Redis on {@code 127.0.0.1:port} without persistence and waits until it answers PING. */
    public static RedisServerProcess start(int port) {
        long started = System.nanoTime();
        FreePorts.requireFree(port, "Redis");
        Optional<Path> system = systemRedisServer();
        Stoppable process = system.isPresent() ? startSystem(system.get(), port) : startEmbedded(port);
        RedisServerProcess server = new RedisServerProcess(port, process);
        try {
            server.awaitPong();
        }
        catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
        log.info("Redis started on port {} in {} ms using {}", port, (System.nanoTime() - started) / 1_000_000,
                system.map(path -> path + " from the PATH").orElse("the binary bundled in embedded-redis"));
        return server;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ShutdownHooks.unregister(shutdownHook);
        process.stop();
        log.info("Redis on port {} stopped", port);
    }

    private void awaitPong() {
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (!RedisProtocolClient.ping(HOST, port)) {
            if (System.currentTimeMillis() > deadline || !process.alive()) {
                throw new IllegalStateException("Redis on port " + port + " did not answer PING" + process.diagnostics());
            }
            sleep(10);
        }
    }

    static Optional<Path> systemRedisServer() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
            .filter(dir -> !dir.isBlank())
            .map(dir -> Path.of(dir, "redis-server"))
            .filter(Files::isExecutable)
            .findFirst();
    }

    private static Stoppable startSystem(Path executable, int port) {
        try {
            Path output = Files.createTempFile("redis-" + port + "-", ".log");
            Process process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
                    "--bind", HOST, "--save", "", "--appendonly", "no", "--daemonize", "no"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            return new SystemProcess(process, output);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + executable, ex);
        }
    }

    private static Stoppable startEmbedded(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind(HOST)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
            server.start();
            return new EmbeddedProcess(server);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start embedded Redis on port " + port, ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Redis", ex);
        }
    }

    /** The two ways of running Redis, stopped the same way. */
    private interface Stoppable {

        void stop();

        boolean alive();

        String diagnostics();
    }

    private record SystemProcess(Process process, Path output) implements Stoppable {

        @Override
        public void stop() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(output);
            }
            catch (IOException ex) {
                // a leftover log file in the temp directory is harmless
            }
        }

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public String diagnostics() {
            try {
                return (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")") + ":\n"
                        + Files.readString(output);
            }
            catch (IOException ex) {
                return "";
            }
        }
    }

    private record EmbeddedProcess(RedisServer server) implements Stoppable {

        @Override
        public void stop() {
            try {
                server.stop();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not stop embedded Redis", ex);
            }
        }

        @Override
        public boolean alive() {
            return server.isActive();
        }

        @Override
        public String diagnostics() {
            return "";
        }
    }
}
