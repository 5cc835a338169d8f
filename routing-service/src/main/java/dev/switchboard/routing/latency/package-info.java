/** Recent p95 latency per provider deployment, as the edges report it, for latency-optimised routing. */
package dev.switchboard.routing.latency;
