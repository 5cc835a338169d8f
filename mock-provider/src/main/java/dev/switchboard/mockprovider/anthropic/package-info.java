/** Anthropic's Messages API wire format: JSON and named-event SSE, models, errors. */
package dev.switchboard.mockprovider.anthropic;
