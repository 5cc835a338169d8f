package dev.switchboard.routing.model;

import java.time.Instant;

/** A public model as the admin API shows it, with the price in force (null when it has none). */
record Model(String name, String provider, String upstreamModel, String version, int maxOutputTokens,
             boolean enabled, Price price, Instant createdAt, Instant updatedAt) {
}
