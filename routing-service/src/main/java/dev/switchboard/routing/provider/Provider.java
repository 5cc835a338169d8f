package dev.switchboard.routing.provider;

import java.time.Instant;

/** A provider deployment as the admin API shows it. */
record Provider(String id, String type, String baseUrl, String credentialRef, Instant createdAt, Instant updatedAt) {
}
