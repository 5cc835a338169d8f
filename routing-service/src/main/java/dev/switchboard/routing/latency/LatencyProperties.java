package dev.switchboard.routing.latency;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.routing.latency.*}: which reports count for the {@code fastest} strategy.
 *
 * @param window     reports older than this are ignored and deleted (default 5 minutes)
 * @param minSamples a deployment needs at least this many samples over all edges in the window to be ranked by
 *                   latency (default 20); with fewer, one slow or lucky call would decide
 */
@Validated
@ConfigurationProperties("switchboard.routing.latency")
public record LatencyProperties(@NotNull Duration window, @NotNull @PositiveOrZero Long minSamples) {

    public LatencyProperties {
        window = window == null ? Duration.ofMinutes(5) : window;
        minSamples = minSamples == null ? 20 : minSamples;
    }
}
