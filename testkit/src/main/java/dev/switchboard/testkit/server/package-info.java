/**
 * Standalone PostgreSQL, Redis and Kafka servers on chosen ports, used by the test fixtures and by the local dev stack.
 */
package dev.switchboard.testkit.server;
