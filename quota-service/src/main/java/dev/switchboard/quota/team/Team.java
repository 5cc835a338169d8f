package dev.switchboard.quota.team;

import java.time.Instant;

/** A team as the admin API shows it; {@code organisationId} is null for a team without a parent. */
public record Team(String id, String name, String organisationId, Instant createdAt) {
}
