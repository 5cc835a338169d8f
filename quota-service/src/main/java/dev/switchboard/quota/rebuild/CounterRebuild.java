package dev.switchboard.quota.rebuild;

import dev.switchboard.contracts.usage.UsageTotals;
import dev.switchboard.quota.budget.Budget;
import dev.switchboard.quota.budget.Budgets;
import dev.switchboard.contracts.quota.BudgetPeriod;
import dev.switchboard.quota.counter.CounterKeys;
import dev.switchboard.quota.counter.NanoUnits;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the ledger's totals back into the budget counters when Redis has none: a fresh Redis, or one that
 * restarted without its data. Until the rebuild marker is set, admission and settlement wait for it (the scripts
 * answer "rebuild first"), so spend is never forgotten. One rebuild at a time per instance; instances racing each
 * write the same totals.
 *
 * <p>What the rebuild cannot see: usage events still on their way to the ledger when it ran. Settlement skips
 * events older than the rebuild (the ledger counted them), so such an event is left out of the counter until the
 * next period; it is still billed in the ledger.
 */
@Component
public class CounterRebuild {

    private static final Logger log = LoggerFactory.getLogger(CounterRebuild.class);

    private final StringRedisTemplate redis;
    private final Budgets budgets;
    private final LedgerTotals ledger;
    private final Clock clock;
    private final MeterRegistry meters;

    CounterRebuild(StringRedisTemplate redis, Budgets budgets, LedgerTotals ledger, Clock clock,
                   MeterRegistry meters) {
        this.redis = redis;
        this.budgets = budgets;
        this.ledger = ledger;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Rebuilds unless another call already did.
     *
     * @throws RebuildUnavailableException when the ledger cannot be read
     * @throws DataAccessException         when Redis cannot be reached
     */
    public synchronized void ensureRebuilt() {
        if (Boolean.TRUE.equals(redis.hasKey(CounterKeys.REBUILT))) {
            return;
        }
        Instant now = clock.instant();
        List<Budget> all = budgets.list(null);
        for (Budget budget : all) {
            BudgetPeriod period = BudgetPeriod.containing(budget.period(), budget.timeZone(), now);
            UsageTotals totals = ledger.of(budget.scope(), period.start(), period.end());
            long used = "money".equals(budget.kind())
                    ? NanoUnits.of(totals.cost() == null ? BigDecimal.ZERO : totals.cost())
                    : totals.inputTokens() + totals.outputTokens();
            String key = CounterKeys.budget(budget.scope(), budget.kind(), budget.period(), period.start());
            redis.delete(key);
            redis.opsForHash().putAll(key, Map.of("used", Long.toString(used), "held", "0"));
            redis.expireAt(key, period.counterExpiry());
        }
        redis.opsForValue().set(CounterKeys.REBUILT, Long.toString(now.toEpochMilli()));
        meters.counter("switchboard.quota.counter.rebuilds").increment();
        log.info("Rebuilt {} budget counters from the usage ledger", all.size());
    }
}
