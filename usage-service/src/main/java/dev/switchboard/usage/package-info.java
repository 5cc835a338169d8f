/** usage-service: turns the edge's usage events into an exact, idempotent cost ledger and answers queries on it. */
package dev.switchboard.usage;
