package dev.switchboard.edge.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This edge's view of each provider deployment's health: a Resilience4j circuit breaker per deployment
 * ({@code provider/upstreamModel}), and a cooldown for deployments that answered 429. An open breaker takes its
 * deployment out of this edge's routing until a probe succeeds; a cooling deployment is only tried after every
 * other candidate, so a rate-limited provider is not hammered.
 */
@Component
public class DeploymentBreakers {

    private final CircuitBreakerRegistry registry;
    private final ConcurrentHashMap<String, Long> coolingUntilNanos = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> openedAtNanos = new ConcurrentHashMap<>();

    DeploymentBreakers(ResilienceProperties properties) {
        this.registry = CircuitBreakerRegistry.of(config(properties.breaker()));
        registry.getEventPublisher().onEntryAdded(added -> {
            CircuitBreaker breaker = added.getAddedEntry();
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAtNanos.put(breaker.getName(), System.nanoTime());
                }
            });
        });
    }

    static CircuitBreakerConfig config(ResilienceProperties.Breaker breaker) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(breaker.slidingWindowType())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .slowCallRateThreshold(breaker.slowCallRateThreshold())
                .slowCallDurationThreshold(breaker.slowCallDuration())
                .waitDurationInOpenState(breaker.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .maxWaitDurationInHalfOpenState(breaker.maxWaitInHalfOpen())
                // open → half-open happens on the next request after the wait: no timer thread per deployment
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /** The deployment's breaker, created closed on first use. */
    public CircuitBreaker breaker(String deploymentId) {
        return registry.circuitBreaker(deploymentId);
    }

    /** Sends the deployment to the back of the line for {@code millis}. */
    public void coolDown(String deploymentId, long millis) {
        long until = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        coolingUntilNanos.merge(deploymentId, until, Math::max);
    }

    /** Milliseconds the deployment still cools down; 0 when it does not. */
    public long coolingMillis(String deploymentId) {
        Long until = coolingUntilNanos.get(deploymentId);
        if (until == null) {
            return 0;
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            coolingUntilNanos.remove(deploymentId, until);
            return 0;
        }
        return Math.max(1, Duration.ofNanos(left).toMillis());
    }

    /**
     * Milliseconds until an open breaker lets a probe through (0 when it would now, or is not open): what a client
     * refused because every deployment's breaker is open should wait.
     */
    public long millisUntilProbe(String deploymentId) {
        CircuitBreaker breaker = registry.find(deploymentId).orElse(null);
        if (breaker == null || breaker.getState() != CircuitBreaker.State.OPEN) {
            return 0;
        }
        long waitMillis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return Math.max(0, waitMillis - openForMillis(breaker));
    }

    private long openForMillis(CircuitBreaker breaker) {
        Long opened = openedAtNanos.get(breaker.getName());
        return opened == null ? 0 : Duration.ofNanos(System.nanoTime() - opened).toMillis();
    }

    /** Resets the breaker to closed and ends any cooldown: an operator's override. */
    public void reset(String deploymentId) {
        breaker(deploymentId).reset();
        coolingUntilNanos.remove(deploymentId);
    }
}
