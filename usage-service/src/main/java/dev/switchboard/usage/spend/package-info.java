/** Spend over the ledger: totals per scope and time range, which quota-service rebuilds its budget counters from. */
package dev.switchboard.usage.spend;
