package dev.switchboard.mockprovider.answer;

import tools.jackson.databind.JsonNode;

/**
 * A tool the request forces the model to call (OpenAI {@code tool_choice} required/named, Anthropic any/tool,
 * Gemini mode ANY).
 *
 * @param name   function name
 * @param schema JSON Schema of its parameters, or null
 */
public record ForcedTool(String name, JsonNode schema) {
}
