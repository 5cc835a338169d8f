/** Records exchanged between Switchboard's services over HTTP and Kafka; no framework types. */
package dev.switchboard.contracts;
