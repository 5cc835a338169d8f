package dev.switchboard.testkit;

import dev.switchboard.testkit.server.PostgresDatabaseAdmin;
import dev.switchboard.testkit.server.ShutdownHooks;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts the fixtures in Docker containers via Testcontainers; used only when a Docker engine is available.
 */
final class ContainerServers {

    // Same versions as the embedded servers where possible: zonky ships PostgreSQL 17, the Boot BOM Kafka 4.1
    // (4.1.1 is the newest apache/kafka tag the Kafka 4.1 docs name; clients 4.1.2 talk to it fine).
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    static final String REDIS_IMAGE = "redis:7-alpine";

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private ContainerServers() {
    }

    static PostgresFixture postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
            .withDatabaseName("postgres")
            .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        start(container, "postgres");
        return new JdbcPostgresFixture(
                new PostgresDatabaseAdmin(container.getJdbcUrl(), container.getUsername(), container.getPassword()));
    }

    static RedisFixture redis() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(6379);
        start(container, "redis");
        return new SocketRedisFixture(container.getHost(), container.getMappedPort(6379));
    }

    static KafkaFixture kafka() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1");
        start(container, "kafka");
        return new AdminKafkaFixture(container.getBootstrapServers());
    }

    private static void start(GenericContainer<?> container, String name) {
        container.start();
        // Ryuk removes containers too, but not where it is disabled; stop them once the test contexts are gone.
        ShutdownHooks.register(name + "-container", container::stop);
    }
}
