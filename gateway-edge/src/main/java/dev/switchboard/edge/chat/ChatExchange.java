package dev.switchboard.edge.chat;

import dev.switchboard.edge.provider.ChatRequest;
import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.usage.UsageAttempt;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.edge.provider.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What is known about one chat request as it moves through the pipeline; it ends as one usage event.
 * Written by one request's operators in sequence, so plain fields suffice.
 */
final class ChatExchange {

    private final String requestId;
    private final long startNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final List<UsageAttempt> attempts = new ArrayList<>(1);
    private AuthenticatedKey key;
    private ChatRequest request;
    private RoutePlan plan;
    private long attemptStartNanos;
    private long firstByteNanos;
    private TokenUsage usage;

    ChatExchange(String requestId) {
        this.requestId = requestId;
    }

    String requestId() {
        return requestId;
    }

    void authenticated(AuthenticatedKey key) {
        this.key = key;
    }

    boolean isAuthenticated() {
        return key != null;
    }

    AuthenticatedKey key() {
        return key;
    }

    void request(ChatRequest request) {
        this.request = request;
    }

    ChatRequest request() {
        return request;
    }

    void plan(RoutePlan plan) {
        this.plan = plan;
    }

    RoutePlan plan() {
        return plan;
    }

    RouteCandidate candidate() {
        return plan.candidates().get(0);
    }

    void attemptStarted() {
        attemptStartNanos = System.nanoTime();
    }

    void attemptEnded(String outcome, int status, String errorType) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attemptStartNanos);
        attempts.add(new UsageAttempt(candidate().providerId(), candidate().upstreamModel(), outcome, status, millis,
                errorType));
    }

    void firstByte() {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    void usage(TokenUsage usage) {
        this.usage = usage;
    }

    /** True exactly once: guards against a request being recorded twice (e.g. error after cancel). */
    boolean finish() {
        return finished.compareAndSet(false, true);
    }

    UsageEvent toUsageEvent(int status, String errorType) {
        RouteCandidate served = plan == null ? null : candidate();
        TokenUsage tokens = usage == null ? TokenUsage.NONE : usage;
        ModelPrice price = served == null ? null : served.price();
        BigDecimal cost = price == null || attempts.isEmpty()
                ? null
                : price.costOf(tokens.inputTokens(), tokens.cachedInputTokens(), tokens.outputTokens());
        Long ttft = firstByteNanos == 0 ? null : TimeUnit.NANOSECONDS.toMillis(firstByteNanos - startNanos);
        return new UsageEvent(requestId, startedAt, key.teamId(), key.keyId(),
                request == null ? null : request.user(), request == null ? null : request.metadata(),
                plan == null ? null : plan.routeId(), request == null ? null : request.model(),
                served == null ? null : served.providerId(), served == null ? null : served.upstreamModel(),
                served == null ? null : served.modelVersion(), attempts,
                tokens.inputTokens(), tokens.cachedInputTokens(), tokens.outputTokens(), tokens.estimated(),
                cost, price == null ? null : price.priceVersion(), "none", request != null && request.stream(),
                ttft, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), status, errorType);
    }
}
