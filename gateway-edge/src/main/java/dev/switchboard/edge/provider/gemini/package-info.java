/** Google's Gemini API (generativelanguage v1beta) behind the gateway's OpenAI format: chat, streams, errors, embeddings. */
package dev.switchboard.edge.provider.gemini;
