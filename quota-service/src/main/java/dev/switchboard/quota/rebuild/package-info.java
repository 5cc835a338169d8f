/** Rebuilding budget counters from the usage ledger when Redis has lost them. */
package dev.switchboard.quota.rebuild;
