/** The limits and budgets that cover a scope, cached briefly for admission and settlement. */
package dev.switchboard.quota.policy;
