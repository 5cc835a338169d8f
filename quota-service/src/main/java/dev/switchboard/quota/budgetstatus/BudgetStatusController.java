package dev.switchboard.quota.budgetstatus;

import dev.switchboard.contracts.error.ServiceError;
import dev.switchboard.quota.budget.Budget;
import dev.switchboard.quota.budget.Budgets;
import dev.switchboard.contracts.quota.BudgetPeriod;
import dev.switchboard.quota.counter.CounterKeys;
import dev.switchboard.quota.counter.NanoUnits;
import dev.switchboard.quota.rebuild.CounterRebuild;
import dev.switchboard.quota.rebuild.RebuildUnavailableException;
import dev.switchboard.quota.scope.ScopeCheck;
import dev.switchboard.serviceweb.ReadableBy;
import dev.switchboard.serviceweb.Role;
import dev.switchboard.serviceweb.ServiceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/budgets/{scope}/{kind}/{period}/status}: finance and viewers read it, as they read budgets. */
@RestController
@ReadableBy({Role.VIEWER, Role.FINANCE})
class BudgetStatusController {

    private final Budgets budgets;
    private final ScopeCheck scopes;
    private final StringRedisTemplate redis;
    private final CounterRebuild rebuild;
    private final Clock clock;

    BudgetStatusController(Budgets budgets, ScopeCheck scopes, StringRedisTemplate redis, CounterRebuild rebuild,
                           Clock clock) {
        this.budgets = budgets;
        this.scopes = scopes;
        this.redis = redis;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    @GetMapping("/api/v1/budgets/{scope}/{kind}/{period}/status")
    BudgetStatus status(@PathVariable String scope, @PathVariable String kind, @PathVariable String period) {
        Budget budget = budgets.find(scopes.existing(scope), kind, period)
                .orElseThrow(() -> ServiceException.notFound("no " + kind + " budget per " + period + " for " + scope));
        rebuild.ensureRebuilt();
        BudgetPeriod current = BudgetPeriod.containing(budget.period(), budget.timeZone(), clock.instant());
        List<Object> counter = redis.opsForHash().multiGet(
                CounterKeys.budget(budget.scope(), budget.kind(), budget.period(), current.start()),
                List.of("used", "held"));
        return new BudgetStatus(budget.scope(), budget.kind(), budget.period(), budget.timeZone(), current.start(),
                current.end(), budget.hardLimit(), budget.softThreshold(), budget.currency(),
                amount(budget, counter.get(0)), amount(budget, counter.get(1)));
    }

    @ExceptionHandler({DataAccessException.class, RebuildUnavailableException.class})
    ResponseEntity<ServiceError> unavailable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(new ServiceError("overloaded", "budget counters cannot be read right now"));
    }

    private static BigDecimal amount(Budget budget, Object stored) {
        long units = stored == null ? 0 : Long.parseLong(stored.toString());
        return "money".equals(budget.kind()) ? NanoUnits.toAmount(units) : BigDecimal.valueOf(units);
    }
}
