package dev.switchboard.quota.admission;

import dev.switchboard.quota.budget.Budget;
import dev.switchboard.contracts.quota.BudgetPeriod;

/**
 * One counter an admission checks and, if every check passes, adds to.
 *
 * @param limit       the most the counter may reach (requests, tokens, concurrent requests, or nano-units)
 * @param amount      what this request adds
 * @param expiry      windows: the counter's TTL in ms; budgets: when the counter expires (epoch ms); else 0
 * @param resetMillis windows: time until the window ends; budgets: until the period ends
 * @param budget      the budget, for budget checks; else null
 */
record AdmissionCheck(CheckKind kind, String counterKey, long limit, long amount, long expiry, long resetMillis,
                      String scope, String model, Budget budget, BudgetPeriod period) {
}
