/** Gateway key authentication, cached briefly at the edge. */
package dev.switchboard.edge.auth;
