package dev.switchboard.routing.rule;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** A route rule as the admin API shows it: its name, the definition's fields, and when it changed. */
record Route(String name, @JsonUnwrapped RouteDefinition definition, Instant createdAt, Instant updatedAt) {
}
