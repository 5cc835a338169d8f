/** Gateway API key authentication: what the edge asks quota-service and what it gets back. */
package dev.switchboard.contracts.auth;
