/** Settling reservations to real usage from the usage events on Kafka. */
package dev.switchboard.quota.settlement;
