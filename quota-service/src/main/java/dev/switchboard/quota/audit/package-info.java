/** The append-only audit log of admin changes to organisations, teams, keys, limits and budgets. */
package dev.switchboard.quota.audit;
