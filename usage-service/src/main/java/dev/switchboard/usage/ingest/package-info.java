/** Consumes usage events from Kafka into the ledger: at-least-once delivery made exactly-once by the request id. */
package dev.switchboard.usage.ingest;
