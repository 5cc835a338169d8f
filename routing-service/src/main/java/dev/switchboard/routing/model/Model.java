package dev.switchboard.routing.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A public model as the admin API shows it, with the price in force (null when it has none). The
 * capabilities are written as top-level fields, the way {@link ModelRequest} takes them.
 */
record Model(String name, String provider, String upstreamModel, String version, int maxOutputTokens,
             boolean enabled, @JsonUnwrapped Capabilities capabilities, List<String> fallbacks, Price price,
             Instant createdAt,
             Instant updatedAt) {
}
