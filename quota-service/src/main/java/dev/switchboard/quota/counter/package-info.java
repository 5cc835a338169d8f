/**
 * Redis counters of limits and budgets: their key names, periods, units and the Lua scripts that change them.
 * Every key carries the hash tag {@code {q}} so that one script may touch all of a request's counters atomically,
 * also under Redis Cluster (at the price of keeping quota counters in one slot).
 */
package dev.switchboard.quota.counter;
