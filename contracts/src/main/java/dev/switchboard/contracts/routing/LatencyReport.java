package dev.switchboard.contracts.routing;

import java.util.List;

/**
 * What one edge measured per provider deployment over its last reporting window, sent to routing-service
 * ({@code POST /internal/v1/latency-reports}) for latency-optimised routing.
 *
 * @param edgeId        identifies the reporting edge instance; each report covers only the calls since its last one
 * @param windowSeconds how many seconds of calls the figures cover
 */
public record LatencyReport(String edgeId, long windowSeconds, List<DeploymentLatency> deployments) {

    public LatencyReport {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    /**
     * Successful calls to one deployment ({@link RouteCandidate#deploymentId()}) in the window: how many, and their
     * 95th percentile latency in milliseconds (time to first token for streams, to the whole answer otherwise).
     */
    public record DeploymentLatency(String deploymentId, long samples, long p95Millis) {
    }
}
