package dev.switchboard.quota.team;

import java.time.Instant;

/**
 * A team as the admin API shows it; {@code organisationId} is null for a team without a parent.
 *
 * @param logPrompts whether the edge logs the team's prompts and responses (redacted); off unless opted in
 */
public record Team(String id, String name, String organisationId, boolean logPrompts, Instant createdAt) {
}
