/** Per-deployment latency of successful provider calls, reported to routing-service for latency-aware routing. */
package dev.switchboard.edge.latency;
