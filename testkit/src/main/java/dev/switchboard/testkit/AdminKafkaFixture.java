package dev.switchboard.testkit;

import dev.switchboard.testkit.server.KafkaTopicAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A {@link KafkaFixture} over any reachable broker, embedded or in a container.
 */
final class AdminKafkaFixture implements KafkaFixture {

    private final String bootstrapServers;

    AdminKafkaFixture(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void createTopic(String name, int partitions) {
        KafkaTopicAdmin.createTopic(bootstrapServers, name, partitions);
    }

    @Override
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", this::bootstrapServers);
    }

    @Override
    public String toString() {
        return "KafkaFixture[" + bootstrapServers + "]";
    }
}
