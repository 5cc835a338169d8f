/** Organisations: optional parents that group teams. */
package dev.switchboard.quota.organisation;
