package dev.switchboard.contracts.quota;

/**
 * Asks quota-service to admit one request for a key before it is sent to a provider.
 *
 * @param estimatedInputTokens  tokenizer count of the prompt where a token or spend budget needs it for a
 *                              reservation; 0 when nothing is reserved (the edge tokenises only when it must)
 * @param maxOutputTokens       the request's output cap, or the model default when the request set none
 */
public record AdmissionRequest(String requestId, String keyId, String teamId, String model,
                               long estimatedInputTokens, long maxOutputTokens) {
}
