package dev.switchboard.edge.provider;

/**
 * A provider's whole (non-streamed) answer in the canonical shape.
 *
 * @param body  an OpenAI JSON document: a {@code chat.completion}, or an embeddings {@code list}
 * @param usage provider-reported usage, or null when the provider sent none
 */
public record TranslatedResponse(byte[] body, TokenUsage usage) {
}
