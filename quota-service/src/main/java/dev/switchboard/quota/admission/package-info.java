/** Admission: the edge's one synchronous call per request, checking key status and limits before dispatch. */
package dev.switchboard.quota.admission;
