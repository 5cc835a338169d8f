/** Server-sent events relayed from a provider to the client one event at a time, never buffered whole. */
package dev.switchboard.edge.streaming;
