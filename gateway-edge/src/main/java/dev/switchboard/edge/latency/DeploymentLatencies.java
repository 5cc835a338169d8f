package dev.switchboard.edge.latency;

import dev.switchboard.contracts.routing.LatencyReport.DeploymentLatency;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The latency of successful provider calls per deployment ({@code RouteCandidate.deploymentId()}) in the current
 * reporting window. Recording is a map lookup and one atomic increment; each report swaps in fresh histograms, so
 * windows do not mix. A call recorded while its window is being swapped may fall into the old one and be lost:
 * the figures are advisory and that costs less than a lock on every call.
 */
@Component
public class DeploymentLatencies {

    private static final double P95 = 0.95;

    private final ConcurrentHashMap<String, AtomicReference<LatencyHistogram>> windows = new ConcurrentHashMap<>();

    public void record(String deploymentId, long nanos) {
        windows.computeIfAbsent(deploymentId, id -> new AtomicReference<>(new LatencyHistogram()))
                .get().record(TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /** Ends the window: the p95 of each deployment that had calls, and a fresh window for all. */
    List<DeploymentLatency> drain() {
        List<DeploymentLatency> report = new ArrayList<>(windows.size());
        windows.forEach((deployment, window) -> {
            LatencyHistogram.Summary summary = window.getAndSet(new LatencyHistogram()).summarize(P95);
            if (summary.samples() > 0) {
                report.add(new DeploymentLatency(deployment, summary.samples(), summary.quantileMillis()));
            }
        });
        return report;
    }
}
