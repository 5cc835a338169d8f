package dev.switchboard.contracts.quota;

import dev.switchboard.contracts.routing.ModelPrice;

/**
 * One deployment the edge may end up calling for an admitted request. Admission reserves the worst case over
 * every candidate, since failover may serve the request from any of them.
 *
 * @param model registry model name (what per-model limits and allowed-model lists name)
 * @param price the candidate's price; null when the registry has none (refused on keys with a money budget)
 */
public record AdmissionCandidate(String model, ModelPrice price) {
}
