package dev.switchboard.routing.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A public model as the admin API shows it, with the price in force (null when it has none) and the prices
 * scheduled to take effect later, soonest first. The capabilities are written as top-level fields, the way
 * {@link ModelRequest} takes them.
 */
record Model(String name, String provider, String upstreamModel, String version, int maxOutputTokens,
             boolean enabled, @JsonUnwrapped Capabilities capabilities, List<String> fallbacks, Price price,
             List<Price> scheduledPrices,
             Instant createdAt,
             Instant updatedAt) {

    Model {
        scheduledPrices = List.copyOf(scheduledPrices);
    }

    Model withScheduledPrices(List<Price> scheduled) {
        return new Model(name, provider, upstreamModel, version, maxOutputTokens, enabled, capabilities, fallbacks,
                price, scheduled, createdAt, updatedAt);
    }
}
