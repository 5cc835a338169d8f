/** HTTP client for the edge's calls to quota-service and routing-service. */
package dev.switchboard.edge.internal;
