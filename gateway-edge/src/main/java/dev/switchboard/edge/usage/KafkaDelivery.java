package dev.switchboard.edge.usage;

import dev.switchboard.edge.observability.KafkaTraceHeaders;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the spool holds to Kafka, on a thread of its own so that a producer waiting on a missing broker
 * never holds up writing to disk. While Kafka acknowledges, each batch is sent as soon as it is written ("live").
 * Once a send fails, nothing more is sent live: the spool is replayed oldest segment first, one segment in flight
 * at a time, with backoff between failed attempts, and live sending resumes only when the spool is empty, so events
 * reach Kafka in the order they were written. The switch back to live happens under the spool's lock, so no batch
 * can be written in between and be neither replayed nor sent.
 */
final class KafkaDelivery {

    private static final Logger log = LoggerFactory.getLogger(KafkaDelivery.class);

    private final UsageSpool spool;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Counter published;
    private final long backoffInitialMillis;
    private final long backoffMaxMillis;
    private final Queue<LiveBatch> outbox = new ConcurrentLinkedQueue<>();
    private volatile boolean live;
    private volatile boolean liveSendFailed;
    /** The rest belongs to the delivery thread. */
    private SegmentReplay replay;
    private long nextAttemptNanos;
    private long backoffMillis;

    /** A batch written while live, and the segment whose acknowledgement count its callbacks raise. */
    private record LiveBatch(SpoolSegment segment, List<SpoolRecord> records) {
    }

    KafkaDelivery(UsageSpool spool, Producer<String, byte[]> producer, String topic, Counter published,
                  long backoffInitialMillis, long backoffMaxMillis) {
        this.spool = spool;
        this.producer = producer;
        this.topic = topic;
        this.published = published;
        this.backoffInitialMillis = Math.max(1, backoffInitialMillis);
        this.backoffMaxMillis = Math.max(this.backoffInitialMillis, backoffMaxMillis);
        this.backoffMillis = this.backoffInitialMillis;
        // what a previous run left is replayed before anything new is sent
        this.live = spool.oldestRolled() == null;
    }

    /** Writes the batch to the spool and, while live, queues it for sending. Called by the writer thread. */
    void write(List<SpoolRecord> batch) throws IOException {
        synchronized (spool) {
            SpoolSegment segment = spool.append(batch);
            if (live) {
                outbox.add(new LiveBatch(segment, batch));
            }
        }
    }

    /** 1 while events go straight to Kafka, 0 while the spool is replayed. */
    boolean live() {
        return live;
    }

    /** One round of the delivery thread: live batches, or a step of the replay; then drops what was acknowledged. */
    void deliver() throws IOException {
        if (live) {
            sendLive();
        }
        if (live && liveSendFailed) {
            synchronized (spool) {
                live = false;
                // every batch in the outbox is in the segment rolled here or an older one: the replay covers it
                outbox.clear();
                spool.roll();
            }
            log.warn("Kafka is not acknowledging usage events; spooling them in {} and replaying when it is back",
                    spool.directory());
        }
        if (!live) {
            replayStep();
        }
        synchronized (spool) {
            spool.releaseAcknowledged();
        }
    }

    /** After a close of the producer every callback has run, so a replay that got through can be dropped. */
    void finish() throws IOException {
        synchronized (spool) {
            if (replay != null && replay.succeeded()) {
                spool.discard(replay.segment());
            }
            spool.releaseAcknowledged();
        }
    }

    private void sendLive() {
        LiveBatch batch;
        while (!liveSendFailed && (batch = outbox.poll()) != null) {
            SpoolSegment segment = batch.segment();
            Callback acknowledged = (metadata, error) -> {
                if (error == null) {
                    segment.acknowledged();
                    published.increment();
                } else {
                    liveSendFailed = true;
                }
            };
            for (SpoolRecord record : batch.records()) {
                // once one fails the rest stay on disk for the replay rather than each waiting out max.block.ms
                if (liveSendFailed || !send(record, acknowledged)) {
                    liveSendFailed = true;
                    return;
                }
            }
        }
    }

    private void replayStep() throws IOException {
        if (replay != null) {
            if (!replay.done()) {
                return;
            }
            SegmentReplay finished = replay;
            replay = null;
            if (!finished.succeeded()) {
                nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
                backoffMillis = Math.min(backoffMaxMillis, backoffMillis * 2);
                return;
            }
            synchronized (spool) {
                spool.discard(finished.segment());
            }
            backoffMillis = backoffInitialMillis;
        }
        if (System.nanoTime() < nextAttemptNanos) {
            return;
        }
        SpoolSegment oldest;
        synchronized (spool) {
            oldest = spool.oldestRolled();
            if (oldest == null && spool.live().isEmpty()) {
                liveSendFailed = false;
                live = true;
                log.info("Kafka acknowledges usage events again; the spool in {} is drained", spool.directory());
                return;
            }
            if (oldest == null) {
                spool.roll();
                oldest = spool.oldestRolled();
            }
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

    /** Hands one record to the producer; false when it refused it outright (its callback then never runs). */
    private boolean send(SpoolRecord record, Callback callback) {
        try {
            String key = record.key().isEmpty() ? null : record.key();
            ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, key, record.value());
            KafkaTraceHeaders.inject(message.headers(), record.traceparent().isEmpty() ? null : record.traceparent());
            producer.send(message, callback);
            return true;
        } catch (RuntimeException e) {
            log.debug("Usage event not handed to Kafka", e);
            return false;
        }
    }
}
