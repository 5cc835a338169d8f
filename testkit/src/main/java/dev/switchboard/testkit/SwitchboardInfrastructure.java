package dev.switchboard.testkit;

import java.util.function.Supplier;

/**
 * Entry point for tests: real PostgreSQL, Redis and Kafka, each started lazily once per JVM on free ports and
 * stopped by a JVM shutdown hook. Embedded servers are used unless a Docker engine is available (see
 * {@link InfrastructureMode}).
 * <pre>
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_tests");
 *     SwitchboardInfrastructure.redis().register(registry);
 *     SwitchboardInfrastructure.kafka().register(registry);
 * }
 * </pre>
 */
public final class SwitchboardInfrastructure {

    private static final Shared<PostgresFixture> POSTGRES = new Shared<>("PostgreSQL",
            () -> InfrastructureMode.current() == InfrastructureMode.TESTCONTAINERS ? ContainerServers.postgres()
                    : EmbeddedServers.postgres());

    private static final Shared<RedisFixture> REDIS = new Shared<>("Redis",
            () -> InfrastructureMode.current() == InfrastructureMode.TESTCONTAINERS ? ContainerServers.redis()
                    : EmbeddedServers.redis());

    private static final Shared<KafkaFixture> KAFKA = new Shared<>("Kafka",
            () -> InfrastructureMode.current() == InfrastructureMode.TESTCONTAINERS ? ContainerServers.kafka()
                    : EmbeddedServers.kafka());

    private SwitchboardInfrastructure() {
    }

    public static PostgresFixture postgres() {
        return POSTGRES.get();
    }

    public static RedisFixture redis() {
        return REDIS.get();
    }

    public static KafkaFixture kafka() {
        return KAFKA.get();
    }

    /** Starts a server on first use; a failed start is remembered so later test classes fail fast with the cause. */
    private static final class Shared<T> {

        private final String name;

        private final Supplier<T> starter;

        private T instance;

        private RuntimeException failure;

        Shared(String name, Supplier<T> starter) {
            this.name = name;
            this.starter = starter;
        }

        synchronized T get() {
            if (instance == null && failure == null) {
                try {
                    instance = starter.get();
                }
                catch (RuntimeException | LinkageError ex) {
                    failure = new IllegalStateException("Test " + name + " could not be started", ex);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return instance;
        }
    }
}
