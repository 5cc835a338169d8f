package dev.switchboard.edge.usage;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.edge.observability.KafkaTraceHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * Sends usage events to Kafka keyed by team, off the request path. A request only adds its event to a lock-free
 * queue; one thread drains it every few milliseconds and hands the batch to the producer. That keeps
 * {@code KafkaProducer.send}, which can block on broker metadata, away from Netty's event loops, and costs no
 * thread wake-up per request (measured: docs/benchmarks.md).
 */
@Component
class UsagePublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsagePublisher.class);
    private static final long DRAIN_INTERVAL_MILLIS = 10;

    private final JsonMapper json;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "usage-emitter");
        thread.setDaemon(true);
        return thread;
    });

    UsagePublisher(JsonMapper json, UsagePublisherProperties properties) {
        this.json = json;
        this.topic = properties.topic();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.CLIENT_ID_CONFIG, "gateway-edge-usage"),
                new StringSerializer(), new ByteArraySerializer());
        sender.scheduleWithFixedDelay(this::drain, DRAIN_INTERVAL_MILLIS, DRAIN_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** An event waiting to be sent, with the trace context its record carries (null when untraced). */
    private record Pending(UsageEvent event, String traceparent) {
    }

    void publish(UsageEvent event, String traceparent) {
        pending.add(new Pending(event, traceparent));
    }

    private void drain() {
        Pending next;
        while ((next = pending.poll()) != null) {
            send(next.event(), next.traceparent());
        }
    }

    private void send(UsageEvent event, String traceparent) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.teamId(),
                    json.writeValueAsBytes(event));
            KafkaTraceHeaders.inject(record.headers(), traceparent);
            producer.send(record,
                    (metadata, error) -> {
                        if (error != null) {
                            log.error("Usage event {} was not delivered to Kafka", event.requestId(), error);
                        }
                    });
        } catch (RuntimeException e) {
            log.error("Usage event {} could not be sent", event.requestId(), e);
        }
    }

    /** Sends what is still queued before the producer closes, so a graceful shutdown loses nothing. */
    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        drain();
        producer.close(Duration.ofSeconds(5));
    }
}
