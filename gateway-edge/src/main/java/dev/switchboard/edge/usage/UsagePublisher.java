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
import org.apache.kafka.clients.producer.Callback;
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
 * Sends usage events to Kafka keyed by team, off the request path, without losing any. A request only adds its
 * event to a lock-free queue (measured: docs/benchmarks.md). One thread drains it every few milliseconds, appends
 * the batch to the {@link UsageSpool} on disk and only then hands it to the producer, so a crash loses nothing
 * written. While Kafka fails, events only go to disk; the same thread replays the spool oldest segment first, with
 * backoff, and sends live again once it is empty, so events reach Kafka in the order they were written.
 */
@Component
class UsagePublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsagePublisher.class);
    private static final long DRAIN_INTERVAL_MILLIS = 10;
    private static final int MAX_BATCH = 5_000;
    private static final int LINGER_MILLIS = 20;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final JsonMapper json;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final UsageSpool spool;
    private final Counter published;
    private final long backoffInitialMillis;
    private final long backoffMaxMillis;
    private final Queue<UsageEvent> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "usage-emitter");
        thread.setDaemon(true);
        return thread;
    });
    /** True while events go to Kafka as they come; false while the spool is replayed. */
    private volatile boolean live;
    private volatile boolean liveSendFailed;
    /** The rest belongs to the drain thread. */
    private List<SpoolRecord> unwritten = new ArrayList<>();
    private SegmentReplay replay;
    private long nextProbeNanos;
    private long backoffMillis;

    UsagePublisher(JsonMapper json, UsagePublisherProperties properties, MeterRegistry meters) throws IOException {
        UsagePublisherProperties.Spool settings = properties.spool();
        this.json = json;
        this.topic = properties.topic();
        this.spool = new UsageSpool(settings.directory(), settings.segmentBytes().toBytes(),
                settings.maxBytes().toBytes(), settings.fsync());
        this.backoffInitialMillis = Math.max(1, properties.replayBackoff().toMillis());
        this.backoffMaxMillis = Math.max(backoffInitialMillis, properties.replayBackoffMax().toMillis());
        this.backoffMillis = backoffInitialMillis;
        this.live = spool.oldestRolled() == null;
        this.producer = new KafkaProducer<>(producerConfig(properties), new StringSerializer(),
                new ByteArraySerializer());
        this.published = Counter.builder("switchboard.edge.usage.published")
                .description("Usage events Kafka acknowledged (a replayed event may count twice)").register(meters);
        Gauge.builder("switchboard.edge.usage.spool.events", spool, UsageSpool::events)
                .description("Usage events in the local spool that Kafka has not acknowledged").register(meters);
        Gauge.builder("switchboard.edge.usage.spool.bytes", spool, UsageSpool::bytes)
                .description("Bytes of the local usage spool that Kafka has not acknowledged").register(meters);
        Gauge.builder("switchboard.edge.usage.kafka.available", this, publisher -> publisher.live ? 1 : 0)
                .description("1 while usage events go straight to Kafka, 0 while they are spooled and replayed")
                .register(meters);
        sender.scheduleWithFixedDelay(this::drain, DRAIN_INTERVAL_MILLIS, DRAIN_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void publish(UsageEvent event) {
        pending.add(event);
    }

    /** Past its bound the spool still takes every event; new cost-bearing requests are refused instead. */
    boolean spoolFull() {
        return spool.full();
    }

    private void drain() {
        try {
            spoolQueued();
            if (live && liveSendFailed) {
                live = false;
                spool.roll();
                log.warn("Kafka is not acknowledging usage events; spooling them in {} and replaying when it is back",
                        spool.directory());
            }
            if (!live) {
                replay();
            }
            spool.releaseAcknowledged();
        } catch (IOException | RuntimeException e) {
            // a failed append keeps its batch in memory and is retried; the schedule must survive any failure
            log.error("Usage spool {} failed; retrying", spool.directory(), e);
        }
    }

    private void spoolQueued() throws IOException {
        UsageEvent event;
        while (unwritten.size() < MAX_BATCH && (event = pending.poll()) != null) {
            SpoolRecord record = record(event);
            if (record != null) {
                unwritten.add(record);
            }
        }
        if (unwritten.isEmpty()) {
            return;
        }
        List<SpoolRecord> batch = unwritten;
        SpoolSegment segment = spool.append(batch);
        unwritten = new ArrayList<>();
        if (live) {
            sendLive(segment, batch);
        }
    }

    private void sendLive(SpoolSegment segment, List<SpoolRecord> batch) {
        Callback acknowledged = (metadata, error) -> {
            if (error == null) {
                segment.acknowledged();
                published.increment();
            } else {
                liveSendFailed = true;
            }
        };
        for (SpoolRecord record : batch) {
            // once one fails the rest stay on disk for the replay rather than each waiting out max.block.ms
            if (liveSendFailed || !send(record, acknowledged)) {
                liveSendFailed = true;
                return;
            }
        }
    }

    /** One step of replaying the spool, oldest segment first, one segment in flight at a time. */
    private void replay() throws IOException {
        if (replay != null) {
            if (!replay.done()) {
                return;
            }
            SegmentReplay finished = replay;
            replay = null;
            if (!finished.succeeded()) {
                backOff();
                return;
            }
            spool.discard(finished.segment());
            backoffMillis = backoffInitialMillis;
        }
        if (System.nanoTime() < nextProbeNanos) {
            return;
        }
        SpoolSegment oldest = spool.oldestRolled();
        if (oldest == null && !spool.live().isEmpty()) {
            spool.roll();
            oldest = spool.oldestRolled();
        }
        if (oldest == null) {
            liveSendFailed = false;
            live = true;
            log.info("Kafka acknowledges usage events again; the spool in {} is drained", spool.directory());
            return;
        }
        replay = replay(oldest);
    }

    private SegmentReplay replay(SpoolSegment segment) throws IOException {
        List<SpoolRecord> records = segment.readAll();
        SegmentReplay attempt = new SegmentReplay(segment, records.size(), published);
        for (int i = 0; i < records.size(); i++) {
            if (attempt.failed() || !send(records.get(i), attempt)) {
                attempt.abandon(records.size() - i);
                break;
            }
        }
        return attempt;
    }

    private void backOff() {
        nextProbeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
        backoffMillis = Math.min(backoffMaxMillis, backoffMillis * 2);
    }

    /** Hands one record to the producer; false when it refused it outright (its callback then never runs). */
    private boolean send(SpoolRecord record, Callback callback) {
        try {
            String key = record.key().isEmpty() ? null : record.key();
            producer.send(new ProducerRecord<>(topic, key, record.value()), callback);
            return true;
        } catch (RuntimeException e) {
            log.debug("Usage event not handed to Kafka", e);
            return false;
        }
    }

    private SpoolRecord record(UsageEvent event) {
        try {
            return new SpoolRecord(event.teamId() == null ? "" : event.teamId(), json.writeValueAsBytes(event));
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
        sender.shutdown();
        sender.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        drain();
        producer.close(CLOSE_TIMEOUT);
        if (replay != null && replay.succeeded()) {
            spool.discard(replay.segment());
        }
        spool.releaseAcknowledged();
        long left = spool.events();
        if (left > 0) {
            log.warn("{} usage events stay in {} for the next start", left, spool.directory());
        }
        spool.close();
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
