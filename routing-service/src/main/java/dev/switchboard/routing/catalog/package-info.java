/** The model catalog: which models a team may use, for the edge's {@code GET /v1/models}. */
package dev.switchboard.routing.catalog;
