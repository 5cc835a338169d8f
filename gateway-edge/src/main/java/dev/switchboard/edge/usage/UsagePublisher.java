package dev.switchboard.edge.usage;

import dev.switchboard.contracts.usage.UsageEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends usage events to Kafka keyed by team, off the request path, without losing any. A request only adds its
 * event to a lock-free queue (measured: docs/benchmarks.md). A writer thread drains it every few milliseconds and
 * appends the batch to the {@link UsageSpool} on disk before anything is sent, so a crash loses nothing written;
 * {@link KafkaDelivery}, on a second thread, sends it on or replays the spool after an outage.
 */
@Component
class UsagePublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsagePublisher.class);
    private static final long INTERVAL_MILLIS = 10;
    private static final int MAX_BATCH = 5_000;
    private static final int LINGER_MILLIS = 20;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final JsonMapper json;
    private final KafkaProducer<String, byte[]> producer;
    private final UsageSpool spool;
    private final KafkaDelivery delivery;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "usage-spool-writer"));
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "usage-kafka-delivery"));
    /** A batch whose append failed, tried again first; writer thread only. */
    private List<SpoolRecord> unwritten = new ArrayList<>();

    UsagePublisher(JsonMapper json, UsagePublisherProperties properties, MeterRegistry meters) throws IOException {
        UsagePublisherProperties.Spool settings = properties.spool();
        this.json = json;
        this.spool = new UsageSpool(settings.directory(), settings.segmentBytes().toBytes(),
                settings.maxBytes().toBytes(), settings.fsync());
        this.producer = new KafkaProducer<>(producerConfig(properties), new StringSerializer(),
                new ByteArraySerializer());
        Counter published = Counter.builder("switchboard.edge.usage.published")
                .description("Usage events Kafka acknowledged (a replayed event may count twice)").register(meters);
        this.delivery = new KafkaDelivery(spool, producer, properties.topic(), published,
                properties.replayBackoff().toMillis(), properties.replayBackoffMax().toMillis());
        Gauge.builder("switchboard.edge.usage.spool.events", spool, UsageSpool::events)
                .description("Usage events in the local spool that Kafka has not acknowledged").register(meters);
        Gauge.builder("switchboard.edge.usage.spool.bytes", spool, UsageSpool::bytes)
                .description("Bytes of the local usage spool that Kafka has not acknowledged").register(meters);
        Gauge.builder("switchboard.edge.usage.kafka.available", delivery, d -> d.live() ? 1 : 0)
                .description("1 while usage events go straight to Kafka, 0 while they are spooled and replayed")
                .register(meters);
        writer.scheduleWithFixedDelay(this::write, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(this::deliver, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** An event waiting for the writer, with its request's trace context (null when untraced). */
    private record Pending(UsageEvent event, String traceparent) {
    }

    void publish(UsageEvent event, String traceparent) {
        pending.add(new Pending(event, traceparent));
    }

    /** Past its bound the spool still takes every event; new cost-bearing requests are refused instead. */
    boolean spoolFull() {
        return spool.full();
    }

    private void write() {
        try {
            Pending next;
            while (unwritten.size() < MAX_BATCH && (next = pending.poll()) != null) {
                SpoolRecord record = record(next.event(), next.traceparent());
                if (record != null) {
                    unwritten.add(record);
                }
            }
            if (!unwritten.isEmpty()) {
                delivery.write(unwritten);
                unwritten = new ArrayList<>();
            }
        } catch (IOException | RuntimeException e) {
            // the batch stays in memory and is written next time; the schedule must survive any failure
            log.error("Usage spool {} could not be written; retrying", spool.directory(), e);
        }
    }

    private void deliver() {
        try {
            delivery.deliver();
        } catch (IOException | RuntimeException e) {
            log.error("Usage events in {} could not be delivered; retrying", spool.directory(), e);
        }
    }

    private SpoolRecord record(UsageEvent event, String traceparent) {
        try {
            return new SpoolRecord(event.teamId() == null ? "" : event.teamId(), traceparent,
                    json.writeValueAsBytes(event));
        } catch (RuntimeException e) {
            log.error("Usage event {} could not be serialised and is dropped", event.requestId(), e);
            return null;
        }
    }

    /**
     * Writes what is still queued to the spool and gives Kafka a few seconds for what is in flight; whatever it has
     * not acknowledged by then stays on disk and is replayed by the next start.
     */
    @Override
    public void destroy() throws InterruptedException, IOException {
        writer.shutdown();
        writer.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        write();
        sender.shutdown();
        sender.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        deliver();
        producer.close(CLOSE_TIMEOUT);
        delivery.finish();
        long left = spool.events();
        if (left > 0) {
            log.warn("{} usage events stay in {} for the next start", left, spool.directory());
        }
        spool.close();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static Map<String, Object> producerConfig(UsagePublisherProperties properties) {
        long deliveryMillis = properties.deliveryTimeout().toMillis();
        // the producer requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        long requestMillis = Math.max(500, Math.min(5_000, (deliveryMillis - LINGER_MILLIS) / 2));
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MILLIS,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) properties.maxBlock().toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMillis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestMillis,
                // notice a returning broker within a second rather than the default backoff's growth
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000,
                ProducerConfig.CLIENT_ID_CONFIG, "gateway-edge-usage");
    }
}
