/**
 * Route plans from routing-service, cached at the edge, refreshed when the registry version changes and kept as
 * a fallback while routing-service is unreachable.
 */
package dev.switchboard.edge.routing;
