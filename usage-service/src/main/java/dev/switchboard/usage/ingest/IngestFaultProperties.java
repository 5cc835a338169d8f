package dev.switchboard.usage.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Test-only fault hooks of the usage consumer ({@code switchboard.usage.ingest.fault.*}), all off by default. They
 * exist for end-to-end tests of crash recovery and must never be set in production.
 *
 * @param haltAfterCommitOf a request id: once that event's ledger transaction has committed, and before the
 *                          listener returns (so before its offset is committed), the JVM halts at once, as if killed
 */
@ConfigurationProperties("switchboard.usage.ingest.fault")
record IngestFaultProperties(String haltAfterCommitOf) {
}
