package dev.switchboard.edge.pipeline;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RouteResolution;
import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageAttempt;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.edge.observability.RequestTrace;
import dev.switchboard.edge.provider.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What is known about one request as it moves through the pipeline; it ends as one usage event.
 * Written by one request's operators in sequence, so plain fields suffice.
 */
public final class RequestExchange {

    private final String requestId;
    private final long startNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean finished = new AtomicBoolean();
    /** Guarded by this: hedged attempts may end on different event loops. */
    private final List<UsageAttempt> attempts = new ArrayList<>(1);
    private final List<ProviderAttempt> started = new ArrayList<>(1);
    private AuthenticatedKey key;
    private String requestedModel;
    private String user;
    private Map<String, String> tags = Map.of();
    private boolean stream;
    private RoutePlan plan;
    private List<RouteCandidate> candidates = List.of();
    private RouteExplanation explanation;
    private volatile ProviderAttempt served;
    private volatile String servedBy;
    private volatile long firstByteNanos;
    private AdmissionDecision admission;
    private TokenUsage usage;
    private RequestTrace trace;

    public RequestExchange(String requestId) {
        this.requestId = requestId;
    }

    /** The request's trace: its steps', attempts' and publication's spans (no-op while tracing is off). */
    public RequestTrace trace() {
        if (trace == null) {
            trace = RequestTrace.untraced(requestId);
        }
        return trace;
    }

    public void trace(RequestTrace trace) {
        this.trace = trace;
    }

    public String requestId() {
        return requestId;
    }

    public void authenticated(AuthenticatedKey key) {
        this.key = key;
    }

    public boolean isAuthenticated() {
        return key != null;
    }

    public AuthenticatedKey key() {
        return key;
    }

    /** The facts of the client's request the usage event records. */
    public void describe(String requestedModel, String user, Map<String, String> tags, boolean stream) {
        this.requestedModel = requestedModel;
        this.user = user;
        this.tags = tags == null ? Map.of() : tags;
        this.stream = stream;
    }

    public String requestedModel() {
        return requestedModel;
    }

    public void plan(RoutePlan plan) {
        this.plan = plan;
    }

    public RoutePlan plan() {
        return plan;
    }

    /** The plan resolved for this request: the candidates it fits, in order (failover walks them), and why. */
    public void route(RouteResolution.Resolved resolved) {
        this.candidates = resolved.candidates();
        this.explanation = resolved.explanation();
    }

    public List<RouteCandidate> candidates() {
        return candidates;
    }

    /**
     * The candidate that answered, else the last one tried, else the plan's first: the deployment the request's
     * headers and usage event name.
     */
    public RouteCandidate candidate() {
        ProviderAttempt answered = served;
        if (answered != null) {
            return answered.candidate();
        }
        synchronized (this) {
            if (!started.isEmpty()) {
                return started.get(started.size() - 1).candidate();
            }
        }
        return candidates.get(0);
    }

    /** A provider call begins. */
    public synchronized ProviderAttempt startAttempt(RouteCandidate candidate) {
        ProviderAttempt attempt = new ProviderAttempt(this, candidate);
        started.add(attempt);
        return attempt;
    }

    synchronized void attemptEnded(UsageAttempt recorded) {
        attempts.add(recorded);
    }

    /** Provider calls made so far. */
    public synchronized int attemptCount() {
        return started.size();
    }

    /** Ends every attempt still in flight, e.g. when the client left while they ran. */
    public void endOpenAttempts(String outcome, int status, String errorType) {
        List<ProviderAttempt> open;
        synchronized (this) {
            open = List.copyOf(started);
        }
        for (ProviderAttempt attempt : open) {
            attempt.end(outcome, status, errorType);
        }
    }

    /** The attempt whose answer the client gets, and how it was reached ({@code primary}, {@code fallback}, ...). */
    public void served(ProviderAttempt attempt, String how) {
        this.served = attempt;
        this.servedBy = how;
    }

    public String servedBy() {
        return servedBy;
    }

    /** Admission's answer: its reservation, given back if nothing is billed, and the limits the response shows. */
    public void admitted(AdmissionDecision decision) {
        this.admission = decision;
    }

    /** The admitted decision, or null before admission. */
    public AdmissionDecision admission() {
        return admission;
    }

    public String reservationId() {
        return admission == null ? null : admission.reservationId();
    }

    public void firstByte() {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    public void usage(TokenUsage usage) {
        this.usage = usage;
    }

    /** True exactly once: guards against a request being recorded twice (e.g. error after cancel). */
    public boolean finish() {
        return finished.compareAndSet(false, true);
    }

    public UsageEvent toUsageEvent(int status, String errorType) {
        RouteCandidate served = candidates.isEmpty() ? null : candidate();
        TokenUsage tokens = usage == null ? TokenUsage.NONE : usage;
        ModelPrice price = served == null ? null : served.price();
        List<UsageAttempt> made;
        synchronized (this) {
            made = List.copyOf(attempts);
        }
        ModelPrice billedAt = made.isEmpty() ? null : price;
        BigDecimal cost = CacheOutcome.billed(CacheOutcome.NONE, billedAt, tokens.inputTokens(),
                tokens.cachedInputTokens(), tokens.outputTokens());
        Long ttft = firstByteNanos == 0 ? null : TimeUnit.NANOSECONDS.toMillis(firstByteNanos - startNanos);
        return new UsageEvent(requestId, startedAt, key.teamId(), key.keyId(), user, tags,
                plan == null ? null : plan.routeId(), requestedModel,
                served == null ? null : served.providerId(), served == null ? null : served.upstreamModel(),
                served == null ? null : served.modelVersion(), made,
                tokens.inputTokens(), tokens.cachedInputTokens(), tokens.outputTokens(), tokens.estimated(),
                cost, price == null ? null : price.priceVersion(), CacheOutcome.NONE, stream,
                ttft, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), status, errorType,
                explanation, servedBy, reservationId(), tokens.reasoningTokens(), billedAt);
    }
}
