package dev.switchboard.edge.pipeline;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RouteResolution;
import dev.switchboard.contracts.usage.UsageAttempt;
import dev.switchboard.contracts.usage.UsageEvent;
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
    private final List<UsageAttempt> attempts = new ArrayList<>(1);
    private AuthenticatedKey key;
    private String requestedModel;
    private String user;
    private Map<String, String> tags = Map.of();
    private boolean stream;
    private RoutePlan plan;
    private List<RouteCandidate> candidates = List.of();
    private RouteExplanation explanation;
    private long attemptStartNanos;
    private boolean attemptOpen;
    private long firstByteNanos;
    private TokenUsage usage;

    public RequestExchange(String requestId) {
        this.requestId = requestId;
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

    /** The candidate being called; only the first one until failover walks the list. */
    public RouteCandidate candidate() {
        return candidates.get(0);
    }

    /** How long the successful attempt took to answer: to the first byte when streamed, else to now. */
    public long answerNanos() {
        long answeredAt = stream && firstByteNanos != 0 ? firstByteNanos : System.nanoTime();
        return answeredAt - attemptStartNanos;
    }

    public void attemptStarted() {
        attemptStartNanos = System.nanoTime();
        attemptOpen = true;
    }

    /** Records the attempt in flight, if there is one, e.g. when the client left while it ran. */
    public void endOpenAttempt(String outcome, int status, String errorType) {
        if (attemptOpen) {
            attemptEnded(outcome, status, errorType);
        }
    }

    public void attemptEnded(String outcome, int status, String errorType) {
        attemptOpen = false;
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attemptStartNanos);
        attempts.add(new UsageAttempt(candidate().providerId(), candidate().upstreamModel(), outcome, status, millis,
                errorType));
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
        BigDecimal cost = price == null || attempts.isEmpty()
                ? null
                : price.costOf(tokens.inputTokens(), tokens.cachedInputTokens(), tokens.outputTokens());
        Long ttft = firstByteNanos == 0 ? null : TimeUnit.NANOSECONDS.toMillis(firstByteNanos - startNanos);
        return new UsageEvent(requestId, startedAt, key.teamId(), key.keyId(), user, tags,
                plan == null ? null : plan.routeId(), requestedModel,
                served == null ? null : served.providerId(), served == null ? null : served.upstreamModel(),
                served == null ? null : served.modelVersion(), attempts,
                tokens.inputTokens(), tokens.cachedInputTokens(), tokens.outputTokens(), tokens.estimated(),
                cost, price == null ? null : price.priceVersion(), "none", stream,
                ttft, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), status, errorType,
                explanation);
    }
}
