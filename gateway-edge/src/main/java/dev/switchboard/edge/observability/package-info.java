/** Traces, request-scoped log context and opt-in prompt logging for the edge, all free when switched off. */
package dev.switchboard.edge.observability;
