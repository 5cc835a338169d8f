/** Public models: which provider serves each one, under which upstream name and version, and its price history. */
package dev.switchboard.routing.model;
