/**
 * A stand-in for the OpenAI, Anthropic and Gemini HTTP APIs that tests and the dev stack run instead of the real
 * vendors.
 */
package dev.switchboard.mockprovider;
