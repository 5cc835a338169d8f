/** OpenAI's wire format: chat completions (JSON and SSE), embeddings, models, errors. */
package dev.switchboard.mockprovider.openai;
