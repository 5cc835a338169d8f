/** Scopes that limits and budgets apply to: the whole gateway, one team or one key. */
package dev.switchboard.quota.scope;
