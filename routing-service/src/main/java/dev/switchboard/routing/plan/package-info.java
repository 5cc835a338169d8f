/**
 * Route plans: answers the edge's "which candidates serve this request, and why" from an in-memory snapshot of
 * the registry and its route rules, and the admin's dry-run of the same question.
 */
package dev.switchboard.routing.plan;
