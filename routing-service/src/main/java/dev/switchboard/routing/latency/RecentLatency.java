package dev.switchboard.routing.latency;

/**
 * One deployment's p95 latency over the window, combined over the edges that reported it.
 *
 * @param samples all edges' samples together
 * @param enough  whether {@code samples} reaches the configured minimum, so the figure may rank deployments
 */
public record RecentLatency(long p95Millis, long samples, boolean enough) {
}
