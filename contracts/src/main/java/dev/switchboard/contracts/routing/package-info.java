/** Route plans: which provider deployments may serve a request, in order, with their prices. */
package dev.switchboard.contracts.routing;
