/** Outbound calls to providers: the pooled HTTP client, credentials and per-provider wire formats. */
package dev.switchboard.edge.provider;
