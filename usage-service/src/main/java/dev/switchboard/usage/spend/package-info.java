/**
 * Spend over the ledger: totals and time series per team, key, model, provider or tag, top spenders, burn rates,
 * CSV export and raw records for finance (the admin API), and the per-scope totals quota-service rebuilds its budget
 * counters from (internal).
 */
package dev.switchboard.usage.spend;
