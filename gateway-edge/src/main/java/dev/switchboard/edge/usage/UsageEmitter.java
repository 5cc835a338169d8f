package dev.switchboard.edge.usage;

import dev.switchboard.contracts.usage.UsageEvent;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends usage events to Kafka keyed by team. {@code KafkaProducer.send} can block while it waits for broker
 * metadata, so events are handed to a dedicated thread and never sent from a Netty event loop.
 */
@Component
public class UsageEmitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsageEmitter.class);

    private final JsonMapper json;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "usage-emitter");
        thread.setDaemon(true);
        return thread;
    });

    UsageEmitter(JsonMapper json, UsagePublisherProperties properties) {
        this.json = json;
        this.topic = properties.topic();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "gateway-edge-usage"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void emit(UsageEvent event) {
        sender.execute(() -> send(event));
    }

    private void send(UsageEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.teamId(), json.writeValueAsBytes(event)),
                    (metadata, error) -> {
                        if (error != null) {
                            log.error("Usage event {} was not delivered to Kafka", event.requestId(), error);
                        }
                    });
        } catch (RuntimeException e) {
            log.error("Usage event {} could not be sent", event.requestId(), e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
