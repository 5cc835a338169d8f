/** Admission: the one synchronous call to quota-service before a request is dispatched. */
package dev.switchboard.edge.quota;
