package dev.switchboard.quota.policy;

import dev.switchboard.quota.scope.Scope;

/** Published by the admin API when a scope's limits or budgets changed, so this instance stops using the old ones. */
public record ScopePolicyChanged(Scope scope) {
}
