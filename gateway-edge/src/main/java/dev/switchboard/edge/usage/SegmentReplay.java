package dev.switchboard.edge.usage;

import io.micrometer.core.instrument.Counter;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One attempt to send a whole rolled segment to Kafka. It succeeds only when every record in it was acknowledged;
 * otherwise the segment is sent whole again later. Records Kafka took in an attempt that failed arrive twice, which
 * the ledger and quota settlement absorb (both are idempotent by request id); none is lost.
 */
final class SegmentReplay implements Callback {

    private final SpoolSegment segment;
    private final Counter published;
    private final AtomicInteger outstanding;
    private volatile boolean failed;

    SegmentReplay(SpoolSegment segment, int records, Counter published) {
        this.segment = segment;
        this.published = published;
        this.outstanding = new AtomicInteger(records);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception error) {
        if (error == null) {
            published.increment();
        } else {
            failed = true;
        }
        outstanding.decrementAndGet();
    }

    /** Gives up the records not handed to the producer: the attempt has failed, they wait for the next one. */
    void abandon(int unsent) {
        failed = true;
        outstanding.addAndGet(-unsent);
    }

    SpoolSegment segment() {
        return segment;
    }

    boolean failed() {
        return failed;
    }

    /** Every record sent has been answered, one way or the other. */
    boolean done() {
        return outstanding.get() <= 0;
    }

    boolean succeeded() {
        return done() && !failed;
    }
}
