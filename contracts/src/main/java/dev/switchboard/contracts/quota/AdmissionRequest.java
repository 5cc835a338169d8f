package dev.switchboard.contracts.quota;

import java.util.List;

/**
 * Asks quota-service to admit one request for a key before it is sent to a provider: authenticate-time checks
 * again (revoked, expired), allowed models, rate limits, the {@code max_tokens} ceiling, and a reservation of
 * the worst-case cost against every token and money budget that covers the key.
 *
 * @param model                     the model or alias the client asked for
 * @param estimatedInputTokens      tokenizer count of the prompt when the key is {@code metered}
 *                                  ({@link dev.switchboard.contracts.auth.AuthenticatedKey#metered()}), else 0
 * @param requestedMaxOutputTokens  the request's own output cap ({@code max_completion_tokens} / {@code max_tokens}),
 *                                  null when it set none
 * @param maxOutputTokens           the output cap admission should assume: the request's, else the edge default
 * @param candidates                the plan's candidates after context fit, primary first; empty is allowed
 *                                  (nothing priced is then reserved)
 * @param operation                 {@code chat} or {@code embeddings}
 */
public record AdmissionRequest(String requestId, String keyId, String teamId, String model,
                               long estimatedInputTokens, Long requestedMaxOutputTokens, long maxOutputTokens,
                               List<AdmissionCandidate> candidates, String operation) {

    public static final String CHAT = "chat";
    public static final String EMBEDDINGS = "embeddings";

    public AdmissionRequest {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        operation = operation == null ? CHAT : operation;
    }

    /** A chat request without candidates or an explicit output cap (tests and older edges). */
    public AdmissionRequest(String requestId, String keyId, String teamId, String model,
                            long estimatedInputTokens, long maxOutputTokens) {
        this(requestId, keyId, teamId, model, estimatedInputTokens, null, maxOutputTokens, List.of(), CHAT);
    }
}
