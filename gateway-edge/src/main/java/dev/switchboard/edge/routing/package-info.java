/** Route plans from routing-service, cached at the edge. */
package dev.switchboard.edge.routing;
