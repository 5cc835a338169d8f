package dev.switchboard.testkit.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (broker and KRaft controller in one) running inside this JVM on a chosen port.
 * <p>
 * spring-kafka-test's broker cannot take a fixed port in KRaft mode, which the dev stack needs, hence the
 * {@link KafkaRaftServer} started by hand.
 */
public final class KafkaKraftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaKraftBroker.class);

    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;

    private final int port;

    private final String bootstrapServers;

    private final Path logDir;

    private final Path temporaryLogDir;

    private final AtomicBoolean stopped = new AtomicBoolean();

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Thread shutdownHook;

    private KafkaKraftBroker(KafkaRaftServer server, int port, Path logDir, Path temporaryLogDir) {
        this.server = server;
        this.port = port;
        this.bootstrapServers = HOST + ":" + port;
        this.logDir = logDir;
        this.temporaryLogDir = temporaryLogDir;
        this.shutdownHook = ShutdownHooks.register("kafka-" + bootstrapServers, this::close);
    }

    /**
     * Starts the broker on {@code port}; the controller takes another free port.
     *
     * @param logDir where to keep topics between starts, or {@code null} for a throw-away directory
     */
    public static KafkaKraftBroker start(int port, Path logDir) {
        Path temporary = logDir == null ? createTempDirectory() : null;
        return start(port, logDir == null ? temporary : logDir, temporary);
    }

    /** @param temporary the log directory when this broker owns it and deletes it on close, else null */
    private static KafkaKraftBroker start(int port, Path dir, Path temporary) {
        long started = System.nanoTime();
        QuietLoggers.warnUnlessConfigured(QuietLoggers.KAFKA_SERVER);
        FreePorts.requireFree(port, "Kafka");
        Properties config = brokerConfig(port, FreePorts.next(), dir);
        KafkaRaftServer server = null;
        try {
            formatUnlessFormatted(dir, config);
            server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
            KafkaKraftBroker broker = new KafkaKraftBroker(server, port, dir, temporary);
            log.info("Kafka started on port {} in {} ms (logs in {})", port, (System.nanoTime() - started) / 1_000_000, dir);
            return broker;
        }
        catch (RuntimeException ex) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
            deleteRecursively(temporary);
            throw new IllegalStateException("Could not start Kafka on port " + port, ex);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topic unless it exists. */
    public void createTopic(String name, int partitions) {
        KafkaTopicAdmin.createTopic(bootstrapServers, name, partitions);
    }

    /**
     * Stops the broker as an outage would, keeping its log directory (a throw-away one too) so that
     * {@link #startAgain()} brings back its topics, records and consumer offsets.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka on {} stopped in {} ms", bootstrapServers, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Starts a {@link #stop() stopped} broker again on the same port and log directory. The answer is a new broker
     * that owns the directory from now on (closing it deletes a throw-away one); this one is spent.
     */
    public KafkaKraftBroker startAgain() {
        if (!stopped.get() || !closed.compareAndSet(false, true)) {
            throw new IllegalStateException("Kafka on " + bootstrapServers + " is running or was closed");
        }
        ShutdownHooks.unregister(shutdownHook);
        return start(port, logDir, temporaryLogDir);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ShutdownHooks.unregister(shutdownHook);
        stop();
        deleteRecursively(temporaryLogDir);
    }

    private static Properties brokerConfig(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic must live with a replication factor of 1.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Small and fast: the defaults (50 offset partitions, 3 s rebalance delay, 128 MB cleaner buffer) suit production.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        p.put("controlled.shutdown.enable", "true");
        return p;
    }

    /** Formatting twice fails, and a dev stack restarts on the same directory: meta.properties marks a formatted one. */
    private static void formatUnlessFormatted(Path logDir, Properties config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path configFile = Files.createTempFile("kafka-format-", ".properties");
            try {
                try (Writer writer = Files.newBufferedWriter(configFile)) {
                    config.store(writer, "switchboard testkit");
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                int exit = StorageTool.execute(new String[] { "format", "--ignore-formatted", "--cluster-id",
                        Uuid.randomUuid().toString(), "--config", configFile.toString() },
                        new PrintStream(output, true, StandardCharsets.UTF_8));
                log.debug("kafka-storage format: {}", output.toString(StandardCharsets.UTF_8).trim());
                if (exit != 0) {
                    throw new IllegalStateException("Formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
                }
            }
            finally {
                Files.deleteIfExists(configFile);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not format Kafka log directory " + logDir, ex);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("kafka-kraft-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create a Kafka log directory", ex);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            log.debug("Could not delete {}", dir, ex);
        }
    }
}
