package dev.switchboard.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Kafka broker shared by every test in the JVM.
 */
public interface KafkaFixture {

    String bootstrapServers();

    /** Creates the topic unless it already exists. */
    void createTopic(String name, int partitions);

    /** Points {@code spring.kafka.bootstrap-servers} at this broker. */
    void register(DynamicPropertyRegistry registry);
}
