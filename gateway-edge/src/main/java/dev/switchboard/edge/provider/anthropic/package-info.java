/** The Anthropic Messages wire format, spoken to OpenAI-format clients through translation both ways. */
package dev.switchboard.edge.provider.anthropic;
