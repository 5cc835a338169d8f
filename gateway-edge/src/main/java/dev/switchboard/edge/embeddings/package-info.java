/** {@code POST /v1/embeddings}: OpenAI's embeddings API in front of every provider that embeds. */
package dev.switchboard.edge.embeddings;
