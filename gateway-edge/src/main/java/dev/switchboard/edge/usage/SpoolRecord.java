package dev.switchboard.edge.usage;

import java.nio.charset.StandardCharsets;

/**
 * One usage event as the spool keeps it: the Kafka key (the team id), the request's W3C {@code traceparent} (empty
 * when it was not traced) so a replayed event still continues its trace, and the event's JSON.
 */
record SpoolRecord(String key, String traceparent, byte[] value) {

    SpoolRecord {
        traceparent = traceparent == null ? "" : traceparent;
    }

    SpoolRecord(String key, byte[] value) {
        this(key, "", value);
    }

    byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** A traceparent is 55 ASCII characters, so one length byte holds it. */
    byte[] traceparentBytes() {
        return traceparent.getBytes(StandardCharsets.US_ASCII);
    }
}
