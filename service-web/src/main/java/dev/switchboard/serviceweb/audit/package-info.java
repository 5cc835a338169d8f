/** The append-only audit log table every admin service keeps in its own schema. */
package dev.switchboard.serviceweb.audit;
