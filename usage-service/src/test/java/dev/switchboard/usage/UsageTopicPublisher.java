package dev.switchboard.usage;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.contracts.usage.UsageTopics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Publishes to the usage topic the way the edge does: a plain producer, key = team id, JSON bytes. */
public final class UsageTopicPublisher implements AutoCloseable {

    /** A mapper of its own, like the edge's, so the test does not share the service's configuration. */
    private static final JsonMapper EDGE_JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;

    public UsageTopicPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(UsageEvent event) {
        send(event.teamId(), EDGE_JSON.writeValueAsBytes(event));
    }

    public void publishRaw(String key, String payload) {
        send(key, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the broker's acknowledgement, so messages sent one after another keep their order. */
    public void send(String key, byte[] payload) {
        try {
            producer.send(new ProducerRecord<>(UsageTopics.USAGE_V1, key, payload)).get(10, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new IllegalStateException("could not publish to " + UsageTopics.USAGE_V1, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
