/** Admin changes made on the edge, recorded in usage-service's audit log over Kafka before they take effect. */
package dev.switchboard.edge.audit;
