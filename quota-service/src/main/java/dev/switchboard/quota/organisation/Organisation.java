package dev.switchboard.quota.organisation;

import java.time.Instant;

/** An organisation as the admin API shows it. */
public record Organisation(String id, String name, Instant createdAt) {
}
