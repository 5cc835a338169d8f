/** A local port whose TCP connects hang unanswered, for testing connect timeouts without root or a firewall. */
package dev.switchboard.mockprovider.blackhole;
