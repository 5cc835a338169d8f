package dev.switchboard.edge.usage;

import java.nio.charset.StandardCharsets;

/** One usage event as the spool keeps it: the Kafka key (the team id) and the event's JSON. */
record SpoolRecord(String key, byte[] value) {

    byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
