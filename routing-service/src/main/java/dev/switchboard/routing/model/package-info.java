/**
 * Public models: which provider serves each one, under which upstream name and version, their fallbacks and
 * price history.
 */
package dev.switchboard.routing.model;
