package dev.switchboard.edge.resilience;

import dev.switchboard.contracts.routing.RouteCandidate;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Retry, failover, hedge and exhaustion counts, tagged by deployment (bounded by the registry), plus each breaker's
 * state through Resilience4j's own binder ({@code resilience4j_circuitbreaker_state}). Only failures are counted
 * here, so the happy path pays nothing.
 */
@Component
public class ResilienceMetrics {

    private final MeterRegistry meters;
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder failovers = new LongAdder();
    private final LongAdder hedges = new LongAdder();
    private final LongAdder exhausted = new LongAdder();

    ResilienceMetrics(MeterRegistry meters, DeploymentBreakers breakers) {
        this.meters = meters;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry()).bindTo(meters);
    }

    void attempt() {
        attempts.increment();
    }

    void failure(RouteCandidate candidate, FailureKind kind) {
        counter("switchboard.edge.attempt.failures", "Provider attempts that failed, by failure kind", candidate,
                "kind", kind.wireName()).increment();
    }

    void retry(RouteCandidate candidate) {
        retries.increment();
        counter("switchboard.edge.retries", "Attempts retried on the same deployment", candidate).increment();
    }

    void failover(RouteCandidate from) {
        failovers.increment();
        counter("switchboard.edge.failovers", "Requests moved on from a deployment to the next candidate", from)
                .increment();
    }

    void hedge(RouteCandidate second) {
        hedges.increment();
        counter("switchboard.edge.hedges", "Hedged second attempts started", second).increment();
    }

    void exhausted() {
        exhausted.increment();
        Counter.builder("switchboard.edge.requests.exhausted")
                .description("Requests refused because every candidate failed or was unavailable")
                .register(meters).increment();
    }

    /** Totals since start, for the admin endpoint. */
    Totals totals() {
        return new Totals(attempts.sum(), retries.sum(), failovers.sum(), hedges.sum(), exhausted.sum());
    }

    record Totals(long attempts, long retries, long failovers, long hedges, long exhausted) {
    }

    private Counter counter(String name, String description, RouteCandidate candidate, String... extraTags) {
        return Counter.builder(name).description(description)
                .tag("provider", candidate.providerId()).tag("model", candidate.upstreamModel())
                .tags(extraTags).register(meters);
    }
}
