package dev.switchboard.routing.latency;

import dev.switchboard.contracts.routing.LatencyReport;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores the edges' latency reports and answers the recent p95 per deployment. */
@Service
public class LatencyStatistics {

    private final LatencyRepository repository;
    private final LatencyProperties properties;

    LatencyStatistics(LatencyRepository repository, LatencyProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** Adds the edge's latest window and drops everyone's stale ones, so the table stays one window's worth. */
    @Transactional
    void record(LatencyReport report) {
        repository.append(report);
        repository.deleteOlderThan(properties.window());
    }

    /** Deployments with reports inside the window, keyed by {@code providerId/upstreamModel}. */
    @Transactional(readOnly = true)
    public Map<String, RecentLatency> recent() {
        return repository.recent(properties.window(), properties.minSamples());
    }

    public long minSamples() {
        return properties.minSamples();
    }
}
