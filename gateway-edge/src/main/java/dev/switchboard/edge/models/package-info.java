/** {@code GET /v1/models[/{id}]}: the models the caller's team may use, in OpenAI's list format. */
package dev.switchboard.edge.models;
