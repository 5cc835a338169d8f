package dev.switchboard.edge.usage;

import dev.switchboard.contracts.usage.UsageTopics;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where usage events go, and how long the producer may wait on Kafka.
 *
 * @param maxBlock        the longest {@code send} may wait for broker metadata before the event counts as unsent
 *                        (it stays in the spool); it delays only delivery, never writing to disk
 * @param deliveryTimeout how long the producer keeps trying one event before reporting it failed, after which the
 *                        edge switches to spooling and replaying
 * @param replayBackoff   the first wait before probing a failing Kafka again; doubles up to {@code replayBackoffMax}
 */
@ConfigurationProperties("switchboard.edge.usage")
public record UsagePublisherProperties(@DefaultValue("localhost:9092") String bootstrapServers,
                                       @DefaultValue(UsageTopics.USAGE_V1) String topic,
                                       @DefaultValue("1s") Duration maxBlock,
                                       @DefaultValue("15s") Duration deliveryTimeout,
                                       @DefaultValue("200ms") Duration replayBackoff,
                                       @DefaultValue("5s") Duration replayBackoffMax,
                                       @DefaultValue Spool spool) {

    /**
     * The local write-ahead spool.
     *
     * @param directory    this edge's own directory (a lock file keeps other edges out); keep it on a persistent
     *                     volume so events survive a restart of the edge
     * @param maxBytes     unacknowledged bytes past which chat, embeddings and messages requests are refused with 503
     * @param segmentBytes size at which the file written to is closed and a new one started
     * @param fsync        force each batch to disk before sending it; off trades crash safety for disk throughput
     * @param retryAfter   the {@code Retry-After} on a refusal
     */
    public record Spool(@DefaultValue("usage-spool") Path directory,
                        @DefaultValue("1GB") DataSize maxBytes,
                        @DefaultValue("4MB") DataSize segmentBytes,
                        @DefaultValue("true") boolean fsync,
                        @DefaultValue("10s") Duration retryAfter) {
    }
}
