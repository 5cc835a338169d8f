package dev.switchboard.contracts.routing;

/** Asks routing-service for the plan that serves {@code model} for {@code teamId}. */
public record RoutePlanRequest(String teamId, String model) {
}
