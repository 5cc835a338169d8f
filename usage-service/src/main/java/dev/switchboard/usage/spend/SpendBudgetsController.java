package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ReadableBy;
import dev.switchboard.serviceweb.Role;
import dev.switchboard.serviceweb.ServiceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each money budget of a scope (read from quota-service) against its own period's burn rate: the forecast at the
 * period's end and when the pace would exhaust the hard limit. Token budgets are left out: their pace is in tokens,
 * which {@code GET /api/v1/spend} already shows.
 */
@RestController
@ReadableBy({Role.VIEWER, Role.FINANCE})
@Tag(name = "spend")
class SpendBudgetsController {

    private static final String MONEY = "money";

    private final QuotaBudgets budgets;
    private final BurnRates burnRates;

    SpendBudgetsController(QuotaBudgets budgets, BurnRates burnRates) {
        this.budgets = budgets;
        this.burnRates = burnRates;
    }

    @GetMapping("/api/v1/spend/budgets")
    @Operation(summary = "Every money budget of a scope with its burn rate, forecast and projected exhaustion")
    List<BudgetBurn> budgets(
            @Parameter(description = "global, team:<id> or key:<id>") @RequestParam(required = false) String scope,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        UsageScope parsed = UsageScope.parse(scope).orElseThrow(() -> ServiceException.invalid(
                "query parameter 'scope' must be 'global', 'team:<id>' or 'key:<id>'"));
        return budgets.of(parsed.name(), authorization).stream()
                .filter(budget -> MONEY.equals(budget.kind()) && parsed.name().equals(budget.scope()))
                .map(budget -> burnOf(parsed, budget))
                .toList();
    }

    private BudgetBurn burnOf(UsageScope scope, QuotaBudgets.QuotaBudget budget) {
        BurnReport report = burnRates.burn(scope, budget.period(), ZoneId.of(budget.timeZone()));
        BurnReport.Burn burn = report.currencies().stream()
                .filter(money -> money.currency().equals(budget.currency()))
                .findFirst()
                .orElse(new BurnReport.Burn(budget.currency(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO));
        return BudgetBurn.of(budget, report, burn);
    }
}
