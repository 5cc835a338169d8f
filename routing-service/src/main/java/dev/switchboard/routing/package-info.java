/** The routing-service application: model registry (admin API) and route plans (internal API). */
package dev.switchboard.routing;
