/** Shared HTTP plumbing on Reactor Netty: routing, the per-request fault gate, and JSON and SSE writers. */
package dev.switchboard.mockprovider.http;
