package dev.switchboard.routing.alias;

import java.time.Instant;

/** An alias as the admin API shows it: the name clients send and the model it points at. */
record Alias(String name, String model, Instant createdAt, Instant updatedAt) {
}
