package dev.switchboard.quota.admission;

import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.contracts.quota.RateLimitStatus;
import dev.switchboard.quota.alert.BudgetAlerts;
import dev.switchboard.quota.key.ApiKey;
import dev.switchboard.quota.policy.ScopePolicies;
import dev.switchboard.quota.rebuild.CounterRebuild;
import dev.switchboard.quota.rebuild.RebuildUnavailableException;
import dev.switchboard.quota.reservation.ReservationId;
import dev.switchboard.quota.reservation.ReservationProperties;
import dev.switchboard.serviceweb.ServiceException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Decides whether one request may go to a provider. The key must be active and allowed the model; then one Lua
 * script checks every rate limit and reserves the worst-case cost against every budget covering the key (key,
 * team, global), atomically, so concurrent requests on any number of edges cannot overspend. The reservation is
 * a lease: settled from the request's usage event, released by the edge when nothing was billed, and reclaimed
 * by the reaper when neither happens.
 */
@Service
class AdmissionService {

    /** remainingRequests for a key without a request-rate limit. */
    static final long UNLIMITED = -1;

    private static final Logger log = LoggerFactory.getLogger(AdmissionService.class);

    private final KeyPolicyCache keys;
    private final ScopePolicies policies;
    private final AdmissionScript script;
    private final CounterRebuild rebuild;
    private final BudgetAlerts alerts;
    private final LocalFallbackLimits fallbackLimits;
    private final AdmissionProperties properties;
    private final ReservationProperties reservations;
    private final Clock clock;
    private final MeterRegistry meters;

    AdmissionService(KeyPolicyCache keys, ScopePolicies policies, AdmissionScript script, CounterRebuild rebuild,
                     BudgetAlerts alerts, LocalFallbackLimits fallbackLimits, AdmissionProperties properties,
                     ReservationProperties reservations, Clock clock, MeterRegistry meters) {
        this.reservations = reservations;
        this.keys = keys;
        this.policies = policies;
        this.script = script;
        this.rebuild = rebuild;
        this.alerts = alerts;
        this.fallbackLimits = fallbackLimits;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    AdmissionDecision admit(AdmissionRequest request) {
        validate(request);
        AdmissionDecision decision = decide(request);
        meters.counter("switchboard.quota.admissions",
                "outcome", decision.admitted() ? "admitted" : decision.reason()).increment();
        return decision;
    }

    private AdmissionDecision decide(AdmissionRequest request) {
        Optional<ApiKey> found = keys.find(request.keyId());
        if (found.isEmpty()) {
            return AdmissionDecision.reject(AdmissionDecision.KEY_UNKNOWN, 0);
        }
        ApiKey key = found.get();
        if (!key.teamId().equals(request.teamId())) {
            throw ServiceException.invalid("key '" + key.id() + "' does not belong to team '" + request.teamId() + "'");
        }
        if (!key.active()) {
            return AdmissionDecision.reject(AdmissionDecision.KEY_REVOKED, 0);
        }
        if (!allowed(key, request)) {
            return AdmissionPlan.refuse(AdmissionDecision.MODEL_NOT_ALLOWED,
                    "This key may not use model '" + request.model() + "'.").refusal();
        }
        Instant now = clock.instant();
        AdmissionPlan plan = AdmissionPlanner.plan(key, request, policies.covering(key.teamId(), key.id()), now);
        if (plan.refusal() != null) {
            return plan.refusal();
        }
        String reservationId = ReservationId.next().value();
        Instant leaseExpiry = now.plus(reservations.lease());
        AdmissionScript.Outcome outcome;
        try {
            outcome = script.run(plan.checks(), reservationId, request, now, leaseExpiry);
            if (outcome.rebuildNeeded()) {
                rebuild.ensureRebuilt();
                outcome = script.run(plan.checks(), reservationId, request, now, leaseExpiry);
            }
        } catch (DataAccessException | RebuildUnavailableException e) {
            return unavailable(plan, e);
        }
        if (outcome.rebuildNeeded()) {
            throw new AdmissionUnavailableException("budget counters are being rebuilt", null);
        }
        if (!outcome.admitted()) {
            return refused(plan.checks().get(outcome.refusedAt()),
                    rateLimits(plan.checks(), outcome.before(), false));
        }
        return admitted(request, plan, outcome.before(), reservationId, now);
    }

    /** A key's list names models and aliases: the name asked for, or the model it resolved to, must be on it. */
    private static boolean allowed(ApiKey key, AdmissionRequest request) {
        if (key.allowedModels().isEmpty()) {
            return true;
        }
        String primary = request.candidates().isEmpty() ? null : request.candidates().get(0).model();
        return key.allowedModels().contains(request.model()) || primary != null
                && key.allowedModels().contains(primary);
    }

    private static AdmissionDecision refused(AdmissionCheck check, RateLimitStatus rateLimits) {
        boolean budget = check.kind().budget();
        long retryAfter = Math.max(1, (check.resetMillis() + 999) / 1000);
        return new AdmissionDecision(false, null,
                budget ? AdmissionDecision.BUDGET_EXCEEDED : AdmissionDecision.RATE_LIMITED, retryAfter, 0,
                AdmissionMessages.refused(check), rateLimits, null, null);
    }

    /**
     * The tightest request and token limits, for the {@code x-ratelimit-*} headers. {@code before} covers the checks
     * the script read: all of them when admitted (this request then counts), those up to the refusing one when not
     * (rate checks come before budgets, so a budget refusal still reports them).
     */
    static RateLimitStatus rateLimits(List<AdmissionCheck> checks, long[] before, boolean admitted) {
        AdmissionCheck requests = null;
        AdmissionCheck tokens = null;
        long requestsLeft = Long.MAX_VALUE;
        long tokensLeft = Long.MAX_VALUE;
        for (int i = 0; i < before.length; i++) {
            AdmissionCheck check = checks.get(i);
            long left = Math.max(0, check.limit() - before[i] - (admitted ? check.amount() : 0));
            if (!admitted && i == before.length - 1 && !check.kind().budget()) {
                left = 0; // the refusing limit itself
            }
            if (check.kind() == CheckKind.REQUESTS && left < requestsLeft) {
                requests = check;
                requestsLeft = left;
            } else if (check.kind() == CheckKind.TOKENS && left < tokensLeft) {
                tokens = check;
                tokensLeft = left;
            }
        }
        return new RateLimitStatus(requests == null ? null : requests.limit(), requests == null ? null : requestsLeft,
                requests == null ? null : requests.resetMillis(), tokens == null ? null : tokens.limit(),
                tokens == null ? null : tokensLeft, tokens == null ? null : tokens.resetMillis());
    }

    private AdmissionDecision admitted(AdmissionRequest request, AdmissionPlan plan, long[] before,
                                       String reservationId, Instant now) {
        List<AdmissionCheck> checks = plan.checks();
        String warning = null;
        long warningShare = -1;
        for (int i = 0; i < checks.size(); i++) {
            AdmissionCheck check = checks.get(i);
            long after = before[i] + check.amount();
            long soft = check.kind().budget() ? AdmissionPlanner.softUnits(check.budget()) : -1;
            if (soft >= 0 && after >= soft) {
                long share = after * 100 / Math.max(1, check.limit());
                if (share > warningShare) {
                    warningShare = share;
                    warning = AdmissionMessages.warning(check, after);
                }
                alerts.crossed(check.budget(), check.counterKey(), check.period(), after, request, now);
            }
        }
        RateLimitStatus status = rateLimits(checks, before, true);
        return new AdmissionDecision(true, reservationId, null, 0,
                status.remainingRequests() == null ? UNLIMITED : status.remainingRequests(), null, status, warning,
                plan.outputTokenCeiling());
    }

    /**
     * Redis (or the ledger a rebuild needs) cannot be reached. Fail-closed refuses; fail-open is an explicit
     * operator choice: availability over budgets, with request rates still bounded per instance in memory.
     */
    private AdmissionDecision unavailable(AdmissionPlan plan, Exception e) {
        if (!properties.failOpen()) {
            throw new AdmissionUnavailableException("limits and budgets cannot be checked right now", e);
        }
        log.warn("Quota counters unavailable, admitting with local request limits only (fail-open): {}",
                e.getMessage());
        Optional<AdmissionCheck> over = fallbackLimits.tryAcquire(plan.checks(), clock.instant());
        if (over.isPresent()) {
            return refused(over.get(), RateLimitStatus.NONE);
        }
        // no reservation: Redis has just failed, and the usage event is charged when it returns
        return new AdmissionDecision(true, ReservationId.next().value(), null, 0, UNLIMITED, null, null, null,
                plan.outputTokenCeiling());
    }

    private static void validate(AdmissionRequest request) {
        if (isBlank(request.requestId()) || isBlank(request.keyId()) || isBlank(request.teamId())) {
            throw ServiceException.invalid("requestId, keyId and teamId are required");
        }
        if (request.estimatedInputTokens() < 0 || request.maxOutputTokens() < 0
                || request.requestedMaxOutputTokens() != null && request.requestedMaxOutputTokens() < 0) {
            throw ServiceException.invalid("estimatedInputTokens and maxOutputTokens must not be negative");
        }
        if (!AdmissionRequest.CHAT.equals(request.operation())
                && !AdmissionRequest.EMBEDDINGS.equals(request.operation())) {
            throw ServiceException.invalid("operation must be 'chat' or 'embeddings'");
        }
        if (request.candidates().stream().anyMatch(candidate -> candidate == null || isBlank(candidate.model()))) {
            throw ServiceException.invalid("every candidate needs a model");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
