package dev.switchboard.usage.ingest;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.contracts.usage.UsageTopics;
import dev.switchboard.usage.ledger.UsageLedger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Writes each usage event to the ledger. The container commits a record's offset only after this method
 * returns (ack mode {@code record}), i.e. after the row is committed; a failure goes to
 * {@link IngestConfiguration#usageIngestErrorHandler the error handler}, which retries or dead-letters it.
 */
@Component
class UsageEventListener {

    private static final Logger log = LoggerFactory.getLogger(UsageEventListener.class);

    private final UsageEventReader reader;
    private final UsageLedger ledger;
    private final IngestMetrics metrics;
    private final HaltAfterCommitHook faultHook;

    UsageEventListener(UsageEventReader reader, UsageLedger ledger, IngestMetrics metrics,
                       HaltAfterCommitHook faultHook) {
        this.reader = reader;
        this.ledger = ledger;
        this.metrics = metrics;
        this.faultHook = faultHook;
    }

    // idIsGroup = false: the consumer group comes from spring.kafka.consumer.group-id, not from the listener id.
    @KafkaListener(id = "usage-ingest", idIsGroup = false, topics = UsageTopics.USAGE_V1)
    void onUsageEvent(ConsumerRecord<String, byte[]> record) {
        UsageEvent event = reader.read(record.value());
        if (ledger.record(event)) {
            metrics.stored();
            faultHook.committed(event.requestId());
        } else {
            metrics.duplicate();
            log.debug("Ignored redelivered usage event {} ({}-{}@{})", event.requestId(), record.topic(),
                    record.partition(), record.offset());
        }
    }
}
