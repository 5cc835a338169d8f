/** The registry version: one counter bumped by every admin change so cached route plans can be dropped. */
package dev.switchboard.routing.registry;
