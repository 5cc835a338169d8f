package dev.switchboard.usage.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts what became of each consumed message ({@code switchboard.usage.ingest.events{outcome=...}}) and the
 * failed attempts that will be retried ({@code switchboard.usage.ingest.retries}), which climb while Postgres
 * is unavailable.
 */
@Component
class IngestMetrics {

    static final String EVENTS = "switchboard.usage.ingest.events";
    static final String RETRIES = "switchboard.usage.ingest.retries";

    private final Counter stored;
    private final Counter duplicate;
    private final Counter poison;
    private final Counter retries;

    IngestMetrics(MeterRegistry registry) {
        this.stored = counter(registry, "stored", "Usage events written to the ledger");
        this.duplicate = counter(registry, "duplicate", "Redelivered usage events ignored by request id");
        this.poison = counter(registry, "poison", "Malformed messages sent to the dead-letter topic");
        this.retries = Counter.builder(RETRIES).description("Failed attempts to store a usage event, to be retried")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder(EVENTS).tag("outcome", outcome).description(description).register(registry);
    }

    void stored() {
        stored.increment();
    }

    void duplicate() {
        duplicate.increment();
    }

    void poison() {
        poison.increment();
    }

    void retry() {
        retries.increment();
    }
}
