package dev.switchboard.quota.admission;

import dev.switchboard.contracts.quota.AdmissionCandidate;
import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.quota.budget.Budget;
import dev.switchboard.contracts.quota.BudgetPeriod;
import dev.switchboard.quota.counter.CounterKeys;
import dev.switchboard.quota.counter.FixedWindow;
import dev.switchboard.quota.counter.NanoUnits;
import dev.switchboard.quota.key.ApiKey;
import dev.switchboard.quota.limit.Limit;
import dev.switchboard.quota.policy.ScopePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a request and the limits and budgets covering its key into counter checks. The reservation is the worst
 * case: the estimated prompt plus the whole output cap, at the dearest candidate's price, since failover may
 * serve the request from any candidate. No I/O: everything it needs is passed in.
 */
final class AdmissionPlanner {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Window counters outlive their window by one more, for instances whose clocks differ a little. */
    static final long WINDOW_COUNTER_TTL_MILLIS = WINDOW.multipliedBy(2).toMillis();

    private AdmissionPlanner() {
    }

    static AdmissionPlan plan(ApiKey key, AdmissionRequest request, List<ScopePolicy> policies, Instant now) {
        String primary = request.candidates().isEmpty() ? null : request.candidates().get(0).model();
        List<Limit> limits = applicableLimits(policies, request.model(), primary);
        List<Budget> budgets = policies.stream().flatMap(policy -> policy.budgets().stream()).toList();

        Long ceiling = limits.stream().map(Limit::maxOutputTokens).filter(Objects::nonNull)
                .map(Integer::longValue).min(Long::compare).orElse(null);
        long outputCap = request.maxOutputTokens();
        Long appliedCeiling = null;
        if (ceiling != null && AdmissionRequest.CHAT.equals(request.operation())) {
            Long requested = request.requestedMaxOutputTokens();
            if (requested != null && requested > ceiling) {
                return AdmissionPlan.refuse(AdmissionDecision.MAX_TOKENS_EXCEEDED, "max_tokens " + requested
                        + " is above the ceiling of " + ceiling + " output tokens that applies to this key.");
            }
            if (requested == null && outputCap > ceiling) {
                outputCap = ceiling;
                appliedCeiling = ceiling;
            }
        }
        long tokens = request.estimatedInputTokens() + outputCap;

        long money = 0;
        if (budgets.stream().anyMatch(budget -> "money".equals(budget.kind()))) {
            for (AdmissionCandidate candidate : request.candidates()) {
                String unpriced = unpricedReason(candidate, budgets);
                if (unpriced != null) {
                    return AdmissionPlan.refuse(AdmissionDecision.MODEL_NOT_PRICED, unpriced);
                }
                money = Math.max(money, NanoUnits.of(candidate.price()
                        .costOf(request.estimatedInputTokens(), 0, outputCap)));
            }
        }

        List<AdmissionCheck> checks = new ArrayList<>();
        FixedWindow window = FixedWindow.containing(now, WINDOW);
        long windowResetMillis = (window.startEpochSecond() + WINDOW.toSeconds()) * 1000 - now.toEpochMilli();
        for (Limit limit : limits) {
            Integer rpm = requestsPerMinute(limit, key);
            if (rpm != null) {
                checks.add(new AdmissionCheck(CheckKind.REQUESTS, CounterKeys.requestWindow(limit.scope(),
                        limit.model(), window.startEpochSecond()), rpm, 1, WINDOW_COUNTER_TTL_MILLIS,
                        windowResetMillis, limit.scope(), limit.model(), null, null));
            }
            if (limit.tokensPerMinute() != null) {
                checks.add(new AdmissionCheck(CheckKind.TOKENS, CounterKeys.tokenWindow(limit.scope(), limit.model(),
                        window.startEpochSecond()), limit.tokensPerMinute(), tokens, WINDOW_COUNTER_TTL_MILLIS,
                        windowResetMillis, limit.scope(), limit.model(), null, null));
            }
            if (limit.maxConcurrent() != null) {
                checks.add(new AdmissionCheck(CheckKind.CONCURRENCY, CounterKeys.concurrency(limit.scope(),
                        limit.model()), limit.maxConcurrent(), 1, 0, 1000, limit.scope(), limit.model(), null, null));
            }
        }
        if (key.requestsPerMinute() != null && limits.stream().noneMatch(limit -> isKeyWide(limit, key))) {
            String scope = "key:" + key.id();
            checks.add(new AdmissionCheck(CheckKind.REQUESTS, CounterKeys.requestWindow(scope, null,
                    window.startEpochSecond()), key.requestsPerMinute(), 1, WINDOW_COUNTER_TTL_MILLIS,
                    windowResetMillis, scope, null, null, null));
        }
        for (Budget budget : budgets) {
            BudgetPeriod period = BudgetPeriod.containing(budget.period(), budget.timeZone(), now);
            boolean inMoney = "money".equals(budget.kind());
            checks.add(new AdmissionCheck(inMoney ? CheckKind.MONEY_BUDGET : CheckKind.TOKEN_BUDGET,
                    CounterKeys.budget(budget.scope(), budget.kind(), budget.period(), period.start()),
                    limitUnits(budget), inMoney ? money : tokens, period.counterExpiry().toEpochMilli(),
                    period.end().toEpochMilli() - now.toEpochMilli(), budget.scope(), null, budget, period));
        }
        return new AdmissionPlan(checks, appliedCeiling, null);
    }

    /** A budget's hard limit in counter units: whole tokens, or nano-units of its currency. */
    static long limitUnits(Budget budget) {
        return "money".equals(budget.kind()) ? NanoUnits.limitOf(budget.hardLimit())
                : budget.hardLimit().longValueExact();
    }

    /** The soft threshold in counter units, or -1 when the budget has none. */
    static long softUnits(Budget budget) {
        if (budget.softThreshold() == null) {
            return -1;
        }
        return "money".equals(budget.kind()) ? NanoUnits.of(budget.softThreshold())
                : budget.softThreshold().longValueExact();
    }

    /** Limits for every model, and those for the model asked for or the one that will serve it first. */
    private static List<Limit> applicableLimits(List<ScopePolicy> policies, String requested, String primary) {
        return policies.stream().flatMap(policy -> policy.limits().stream())
                .filter(limit -> limit.model() == null || limit.model().equals(requested)
                        || limit.model().equals(primary))
                .toList();
    }

    /** The key's own requests-per-minute (set when it was issued) tightens its key-wide limit row. */
    private static Integer requestsPerMinute(Limit limit, ApiKey key) {
        if (!isKeyWide(limit, key) || key.requestsPerMinute() == null) {
            return limit.requestsPerMinute();
        }
        return limit.requestsPerMinute() == null ? key.requestsPerMinute()
                : Math.min(limit.requestsPerMinute(), key.requestsPerMinute());
    }

    private static boolean isKeyWide(Limit limit, ApiKey key) {
        return limit.model() == null && limit.scope().equals("key:" + key.id());
    }

    private static String unpricedReason(AdmissionCandidate candidate, List<Budget> budgets) {
        if (candidate.price() == null) {
            return "Model '" + candidate.model() + "' has no price, and a money budget covers this key: "
                    + "it cannot be billed, so it is not served.";
        }
        for (Budget budget : budgets) {
            if ("money".equals(budget.kind()) && !budget.currency().equals(candidate.price().currency())) {
                return "Model '" + candidate.model() + "' is priced in " + candidate.price().currency()
                        + ", but a money budget covering this key is in " + budget.currency() + ".";
            }
        }
        return null;
    }
}
