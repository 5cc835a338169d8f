package dev.switchboard.edge.observability;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Puts a usage event's trace context on its Kafka record, where spring-kafka's listener observation in
 * usage-service and quota-service continues the trace. The publisher calls it when it builds the record, with
 * the value {@link RequestTrace#publish()} gave for the event (kept with the event if it waits in a spool).
 */
public final class KafkaTraceHeaders {

    private KafkaTraceHeaders() {
    }

    /** Adds {@code traceparent}, unless the request was untraced (null). */
    public static void inject(Headers headers, String traceparent) {
        if (traceparent != null) {
            headers.remove(SpanTrace.TRACEPARENT);
            headers.add(SpanTrace.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
