/** The OpenAI chat wire format, spoken by OpenAI and OpenAI-compatible servers (Ollama /v1, vLLM). */
package dev.switchboard.edge.provider.openai;
