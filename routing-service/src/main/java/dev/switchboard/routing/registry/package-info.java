/**
 * What every admin change shares: the registry version (bumped so cached route plans can be dropped), the
 * references between models, aliases and routes (fallback cycles, deletes of names still used), field errors.
 */
package dev.switchboard.routing.registry;
