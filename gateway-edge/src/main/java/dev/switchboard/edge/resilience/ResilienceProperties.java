package dev.switchboard.edge.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry, failover, breaker and hedging settings ({@code switchboard.edge.resilience.*}). A route's own
 * {@code resilience} section overrides the attempt cap and turns hedging on.
 *
 * @param maxAttempts         provider attempts per request at most: retries, failovers and hedges together
 * @param retriesPerCandidate further attempts on the same deployment after a retryable failure
 * @param backoffInitial      the first retry's backoff ceiling; each retry doubles it (full jitter below it)
 * @param backoffMax          the largest backoff ceiling
 * @param maxRetryAfter       the longest {@code Retry-After} the edge waits out on the same deployment; a longer
 *                            one sends the request to the next candidate instead
 * @param defaultCooldown     how long a rate-limited deployment goes to the back of the line when the provider
 *                            did not say how long to wait
 */
@ConfigurationProperties("switchboard.edge.resilience")
public record ResilienceProperties(@DefaultValue("4") int maxAttempts,
                                   @DefaultValue("1") int retriesPerCandidate,
                                   @DefaultValue("200ms") Duration backoffInitial,
                                   @DefaultValue("2s") Duration backoffMax,
                                   @DefaultValue("2s") Duration maxRetryAfter,
                                   @DefaultValue("1s") Duration defaultCooldown,
                                   @DefaultValue Breaker breaker) {

    /**
     * One circuit breaker per deployment (Resilience4j).
     *
     * @param failureRateThreshold  percentage of failed calls in the window that opens the breaker
     * @param slowCallRateThreshold percentage of slow calls in the window that opens it
     * @param slowCallDuration      a call slower than this (to its first byte when streamed) counts as slow
     * @param slidingWindowType     {@code TIME_BASED} (rates over the last {@code slidingWindowSize} seconds) or
     *                              {@code COUNT_BASED} (over the last {@code slidingWindowSize} calls). Time-based by
     *                              default: at hundreds of calls a second a window of a few calls is a blip, and a
     *                              blip should not take a deployment out for {@code waitInOpen}
     * @param slidingWindowSize     seconds, or calls, the rates are computed over
     * @param minimumCalls          calls in the window needed before the rates count
     * @param waitInOpen            how long an open breaker keeps its deployment out before probing it
     * @param halfOpenCalls         probe calls let through when half-open
     * @param maxWaitInHalfOpen     how long probes may take before the breaker opens again, so hanging probes
     *                              cannot keep a deployment half-open forever
     */
    public record Breaker(@DefaultValue("50") float failureRateThreshold,
                          @DefaultValue("80") float slowCallRateThreshold,
                          @DefaultValue("30s") Duration slowCallDuration,
                          @DefaultValue("TIME_BASED") CircuitBreakerConfig.SlidingWindowType slidingWindowType,
                          @DefaultValue("30") int slidingWindowSize,
                          @DefaultValue("20") int minimumCalls,
                          @DefaultValue("30s") Duration waitInOpen,
                          @DefaultValue("2") int halfOpenCalls,
                          @DefaultValue("20s") Duration maxWaitInHalfOpen) {
    }
}
