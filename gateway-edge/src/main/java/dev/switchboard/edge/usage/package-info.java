/** Publishes one usage event per request to Kafka, off the request path. */
package dev.switchboard.edge.usage;
