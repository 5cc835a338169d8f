/** Conformance of the edge's public APIs, driven by the vendors' official SDKs against the whole local suite. */
package dev.switchboard.devstack.conformance;
