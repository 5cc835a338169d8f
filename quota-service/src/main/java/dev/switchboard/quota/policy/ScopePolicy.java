package dev.switchboard.quota.policy;

import dev.switchboard.quota.budget.Budget;
import dev.switchboard.quota.limit.Limit;
import java.util.List;

/** Every limit row (all-model and per-model) and every budget of one scope. */
public record ScopePolicy(String scope, List<Limit> limits, List<Budget> budgets) {

    public ScopePolicy {
        limits = List.copyOf(limits);
        budgets = List.copyOf(budgets);
    }

    /** Whether the edge must count a prompt's tokens: something here is measured in tokens or money. */
    public boolean metered() {
        return !budgets.isEmpty() || limits.stream().anyMatch(limit -> limit.tokensPerMinute() != null);
    }
}
