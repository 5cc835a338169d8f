/** The edge: authenticate, route, admit, call the provider, stream back, emit usage. */
package dev.switchboard.edge;
