/**
 * Publishes one usage event per request to Kafka, off the request path, through a durable local spool that keeps
 * events across Kafka outages and edge restarts, and refuses new requests when that spool is full.
 */
package dev.switchboard.edge.usage;
