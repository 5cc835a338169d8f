/**
 * Prometheus metrics of the requests the edge serves, recorded from each request's usage event, tagged by provider,
 * model and team with the number of distinct teams capped.
 */
package dev.switchboard.edge.metrics;
