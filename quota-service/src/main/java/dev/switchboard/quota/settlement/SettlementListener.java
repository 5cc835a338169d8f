package dev.switchboard.quota.settlement;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.contracts.usage.UsageTopics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes every usage event (its own consumer group, beside the ledger's) and settles the request's reservation.
 * Offsets are committed after each record (ack mode record); a Redis failure is retried by the error handler
 * until Redis returns, so no settlement is skipped; the settled marker makes redelivery harmless.
 */
@Component
class SettlementListener {

    private static final Logger log = LoggerFactory.getLogger(SettlementListener.class);

    private final Settlements settlements;
    private final JsonMapper json;
    private final MeterRegistry meters;

    SettlementListener(Settlements settlements, JsonMapper json, MeterRegistry meters) {
        this.settlements = settlements;
        this.json = json;
        this.meters = meters;
    }

    @KafkaListener(id = "quota-settlement", idIsGroup = false, topics = UsageTopics.USAGE_V1)
    void onUsageEvent(ConsumerRecord<String, String> record) {
        UsageEvent event;
        try {
            event = json.readValue(record.value(), UsageEvent.class);
        } catch (JacksonException e) {
            // the ledger dead-letters it; for quota there is nothing to settle
            log.warn("Skipping an unreadable usage message {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            count("unreadable");
            return;
        }
        if (event.requestId() == null || event.teamId() == null || event.occurredAt() == null) {
            count("incomplete");
            return;
        }
        if (event.reservationId() == null && event.cost() == null
                && event.inputTokens() + event.outputTokens() == 0) {
            count("nothing_to_settle"); // refused before admission
            return;
        }
        count(settlements.settle(event).name().toLowerCase(Locale.ROOT));
    }

    private void count(String outcome) {
        meters.counter("switchboard.quota.settlements", "outcome", outcome).increment();
    }
}
