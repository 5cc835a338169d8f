/**
 * Keeping requests served when providers fail: one classification of attempt failures, bounded jittered retries,
 * failover over a plan's candidates, a circuit breaker and a rate-limit cooldown per deployment, and hedging.
 */
package dev.switchboard.edge.resilience;
