/** Admission: the edge's one synchronous call before dispatch. */
package dev.switchboard.contracts.quota;
