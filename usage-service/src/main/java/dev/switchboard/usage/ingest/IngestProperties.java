package dev.switchboard.usage.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the usage consumer ({@code switchboard.usage.ingest.*}); Kafka connection, group and ack mode
 * are the standard {@code spring.kafka.*} keys.
 *
 * @param topicPartitions     partitions of the usage and dead-letter topics when this service creates them
 * @param retryInitialInterval first wait after a failed ledger write (e.g. Postgres down)
 * @param retryMaxInterval    the wait stops growing here; retries never stop, so no event is skipped, and once
 *                            Postgres is back the backlog is caught up within about this long
 */
@Validated
@ConfigurationProperties("switchboard.usage.ingest")
record IngestProperties(@DefaultValue("3") @Min(1) int topicPartitions,
                        @DefaultValue("1s") @NotNull Duration retryInitialInterval,
                        @DefaultValue("10s") @NotNull Duration retryMaxInterval) {
}
