/** The usage event: one per request, published by the edge to Kafka and stored by usage-service. */
package dev.switchboard.contracts.usage;
