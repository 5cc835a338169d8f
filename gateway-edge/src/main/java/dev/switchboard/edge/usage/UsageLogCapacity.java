package dev.switchboard.edge.usage;

import dev.switchboard.edge.api.GatewayException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Whether the edge may take on a request that costs money: not while its usage spool is past its bound (Kafka has
 * been away long enough to fill it), since the edge would rather refuse than serve what it cannot bill. Asked
 * before authentication, routing and admission, so a refusal costs no call and adds no event to the spool.
 */
@Component
public class UsageLogCapacity {

    static final String CODE = "usage_log_full";
    private static final String MESSAGE = "The gateway cannot record usage right now: its local usage log is full "
            + "while the usage stream is unavailable. Retry later.";

    private final UsagePublisher publisher;
    private final long retryAfterSeconds;
    private final Counter refusals;

    UsageLogCapacity(UsagePublisher publisher, UsagePublisherProperties properties, MeterRegistry meters) {
        this.publisher = publisher;
        this.retryAfterSeconds = Math.max(1, properties.spool().retryAfter().toSeconds());
        this.refusals = Counter.builder("switchboard.edge.usage.spool.refusals")
                .description("Requests refused with 503 because the usage spool was past its bound").register(meters);
    }

    /** The 503 to answer with instead of serving, or null while the spool has room. */
    public GatewayException refusal() {
        if (!publisher.spoolFull()) {
            return null;
        }
        refusals.increment();
        return new GatewayException(503, "service_unavailable_error", CODE, null, MESSAGE, retryAfterSeconds);
    }
}
