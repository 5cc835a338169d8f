/** The OpenAI-compatible public API: request handling, the pipeline and error bodies. */
package dev.switchboard.edge.api;
