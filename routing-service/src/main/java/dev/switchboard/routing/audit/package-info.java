/** The append-only audit log of admin changes to providers, models, aliases and routes, with who made them. */
package dev.switchboard.routing.audit;
