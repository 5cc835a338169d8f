package dev.switchboard.edge;

import dev.switchboard.contracts.usage.UsageTopics;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** Reads the usage topic of the testkit's real broker, as the ledger would, to find what the edge published. */
final class PublishedUsage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedUsage() {
    }

    /** The Kafka record of {@code requestId}'s usage event, waited for up to 15 s; fails the test if none arrives. */
    static ConsumerRecord<String, byte[]> recordOf(String requestId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "edge-usage-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(UsageTopics.USAGE_V1));
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (requestId.equals(JSON.readTree(record.value()).path("requestId").asString())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no usage event for request " + requestId + " on " + UsageTopics.USAGE_V1);
    }
}
