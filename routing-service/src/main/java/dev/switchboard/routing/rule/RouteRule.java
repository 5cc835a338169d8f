package dev.switchboard.routing.rule;

/** A stored rule as route planning reads it. */
public record RouteRule(String name, RouteDefinition definition) {
}
