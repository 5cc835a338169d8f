package dev.switchboard.routing.provider;

import dev.switchboard.contracts.routing.ProviderTimeouts;
import java.time.Instant;

/** A provider deployment as the admin API shows it; null timeouts are the edge's defaults. */
record Provider(String id, String type, String baseUrl, String credentialRef, boolean enabled,
                ProviderTimeouts timeouts, Instant createdAt, Instant updatedAt) {
}
