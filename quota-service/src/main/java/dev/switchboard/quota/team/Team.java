package dev.switchboard.quota.team;

import java.time.Instant;

/** A team as the admin API shows it. */
public record Team(String id, String name, Instant createdAt) {
}
