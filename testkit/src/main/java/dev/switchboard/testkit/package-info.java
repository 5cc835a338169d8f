/**
 * Real PostgreSQL, Redis and Kafka for tests, shared per JVM and wired into Spring through {@code DynamicPropertyRegistry}.
 */
package dev.switchboard.testkit;
