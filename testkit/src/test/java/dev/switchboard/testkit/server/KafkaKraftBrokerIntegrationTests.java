package dev.switchboard.testkit.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaKraftBrokerIntegrationTests {

    @Test
    void keepsRecordsAcrossARestartOnTheRequestedPortAndLogDirectory(@TempDir Path logDir) throws Exception {
        int port = FreePorts.next();
        try (KafkaKraftBroker broker = KafkaKraftBroker.start(port, logDir)) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            broker.createTopic("restart-survivors", 2);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-survivors", "k", "before restart")).get();
            }
        }

        try (KafkaKraftBroker restarted = KafkaKraftBroker.start(port, logDir)) {
            assertThat(consume(restarted.bootstrapServers(), "restart-survivors", 1))
                .extracting(ConsumerRecord::value)
                .containsExactly("before restart");
        }
    }

    private static List<ConsumerRecord<String, String>> consume(String bootstrapServers, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "restart",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
