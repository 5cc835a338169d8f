/** Provider deployments: where a model is served from, which wire format it speaks and which secret names its key. */
package dev.switchboard.routing.provider;
