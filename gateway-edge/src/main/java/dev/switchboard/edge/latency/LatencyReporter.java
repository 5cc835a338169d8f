package dev.switchboard.edge.latency;

import dev.switchboard.contracts.routing.LatencyReport;
import dev.switchboard.edge.internal.InternalServiceClient;
import dev.switchboard.edge.routing.RoutingProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Sends this edge's {@link LatencyReport} to routing-service every {@code latency-report-interval}, on a timer
 * thread, never on a request. A failed report is dropped: the next window brings fresher figures anyway.
 */
@Component
class LatencyReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LatencyReporter.class);
    static final String PATH = "/internal/v1/latency-reports";

    /** Identifies this edge instance; routing-service keeps one report per edge. */
    private final String edgeId = "edge-" + UUID.randomUUID();
    private final DeploymentLatencies latencies;
    private final InternalServiceClient routing;
    private final Duration interval;
    private volatile Disposable reporting;

    LatencyReporter(DeploymentLatencies latencies, @Qualifier("routingServiceClient") InternalServiceClient routing,
                    RoutingProperties properties) {
        this.latencies = latencies;
        this.routing = routing;
        this.interval = properties.latencyReportInterval();
    }

    /** The report for the window that just ended, or null when no deployment had a successful call. */
    LatencyReport nextReport() {
        List<LatencyReport.DeploymentLatency> deployments = latencies.drain();
        return deployments.isEmpty() ? null : new LatencyReport(edgeId, interval.toSeconds(), deployments);
    }

    private Mono<Void> send(LatencyReport report) {
        return routing.post(PATH, report, JsonNode.class)
                .doOnNext(response -> {
                    if (!response.ok()) {
                        log.debug("routing-service refused the latency report: {}", response.status());
                    }
                })
                .onErrorResume(error -> {
                    log.debug("Latency report dropped: {}", error.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void start() {
        reporting = Flux.interval(interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.justOrEmpty(nextReport()).flatMap(this::send), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = reporting;
        if (running != null) {
            running.dispose();
        }
        reporting = null;
    }

    @Override
    public boolean isRunning() {
        return reporting != null;
    }
}
