package dev.switchboard.quota.settlement;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.quota.budget.Budget;
import dev.switchboard.contracts.quota.BudgetPeriod;
import dev.switchboard.quota.counter.CounterKeys;
import dev.switchboard.quota.counter.NanoUnits;
import dev.switchboard.quota.counter.QuotaScripts;
import dev.switchboard.quota.policy.ScopePolicies;
import dev.switchboard.quota.policy.ScopePolicy;
import dev.switchboard.quota.rebuild.CounterRebuild;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Settles one request from its usage event: the reservation's held amounts leave the counters and the real usage
 * (input plus output tokens, and the exact cost) goes in. A request whose reservation is gone (lease expired,
 * fail-open admission) is charged to the budgets covering its key at the event's time. Once per request id.
 */
@Component
class Settlements {

    /** How long a settled request id is remembered: longer than Kafka could plausibly redeliver it. */
    static final Duration SETTLED_MEMORY = Duration.ofDays(2);

    /** What the script did, by its return code. */
    enum Outcome { SETTLED, DUPLICATE, SKIPPED_BEFORE_REBUILD, CHARGED_WITHOUT_RESERVATION }

    private final StringRedisTemplate redis;
    private final ScopePolicies policies;
    private final CounterRebuild rebuild;

    Settlements(StringRedisTemplate redis, ScopePolicies policies, CounterRebuild rebuild) {
        this.redis = redis;
        this.policies = policies;
        this.rebuild = rebuild;
    }

    Outcome settle(UsageEvent event) {
        Long result = run(event);
        if (result != null && result == -1) {
            rebuild.ensureRebuilt();
            result = run(event);
        }
        return switch (result == null ? -1 : result.intValue()) {
            case 0 -> Outcome.DUPLICATE;
            case 1 -> Outcome.SETTLED;
            case 2 -> Outcome.SKIPPED_BEFORE_REBUILD;
            case 3 -> Outcome.CHARGED_WITHOUT_RESERVATION;
            default -> throw new IllegalStateException("settlement script returned " + result + " for "
                    + event.requestId());
        };
    }

    private Long run(UsageEvent event) {
        String reservationId = event.reservationId() == null ? "" : event.reservationId();
        List<String> keys = new ArrayList<>(List.of(CounterKeys.reservation(reservationId), CounterKeys.LEASES,
                CounterKeys.settled(event.requestId()), CounterKeys.REBUILT));
        List<String> args = new ArrayList<>(List.of(reservationId,
                Long.toString(event.inputTokens() + event.outputTokens()),
                Long.toString(event.cost() == null ? 0 : NanoUnits.of(event.cost())),
                Long.toString(SETTLED_MEMORY.toMillis()), Long.toString(event.occurredAt().toEpochMilli())));
        if (event.keyId() != null) {
            for (ScopePolicy policy : policies.covering(event.teamId(), event.keyId())) {
                for (Budget budget : policy.budgets()) {
                    BudgetPeriod period = BudgetPeriod.containing(budget.period(), budget.timeZone(),
                            event.occurredAt());
                    keys.add(CounterKeys.budget(budget.scope(), budget.kind(), budget.period(), period.start()));
                    args.add("money".equals(budget.kind()) ? "bm" : "bt");
                    args.add(Long.toString(period.counterExpiry().toEpochMilli()));
                }
            }
        }
        return redis.execute(QuotaScripts.SETTLE, keys, args.toArray());
    }
}
