/** The cost ledger in Postgres (one row per request, keyed by request id) and its read API. */
package dev.switchboard.usage.ledger;
