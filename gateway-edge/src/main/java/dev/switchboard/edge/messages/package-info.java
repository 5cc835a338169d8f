/** The Anthropic Messages-compatible API: translates Anthropic requests to the canonical format and answers back. */
package dev.switchboard.edge.messages;
