/** The append-only audit log of admin changes to providers, models and aliases, with who made them. */
package dev.switchboard.routing.audit;
