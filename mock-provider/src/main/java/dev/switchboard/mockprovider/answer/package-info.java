/** Vendor-neutral view of a chat request and the deterministic, token-counted answer the mock generates for it. */
package dev.switchboard.mockprovider.answer;
