/**
 * Import and export of the whole registry as one YAML file, one pluggable {@link RegistrySection} per entity type,
 * so platform teams can keep the registry in Git and the Helm chart can seed it.
 */
package dev.switchboard.routing.transfer;
