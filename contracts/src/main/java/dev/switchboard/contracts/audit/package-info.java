/** Admin changes of database-less services, on their way to usage-service's audit log. */
package dev.switchboard.contracts.audit;
