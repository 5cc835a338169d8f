/** Route plans: answers the edge's "which candidates serve model X for team T" from the registry. */
package dev.switchboard.routing.route;
