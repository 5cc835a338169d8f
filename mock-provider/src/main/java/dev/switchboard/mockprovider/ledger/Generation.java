package dev.switchboard.mockprovider.ledger;

import java.time.Instant;

/**
 * One response the mock generated, with token counts that are the ground truth for billing tests.
 *
 * <p>{@code completionTokens} and {@code text} cover only what was actually handed to the connection: a stream cut by
 * a fault (or by the client) records just the chunks sent before the cut. For a complete response they equal the usage
 * the mock reported to the client, less any hidden {@code reasoningTokens} it reported on top.
 *
 * @param vendor           which API dialect answered
 * @param endpoint         request path without query, e.g. {@code /v1/chat/completions}
 * @param responseId       id in the response body ({@code chatcmpl-…}, {@code msg_…}, Gemini {@code responseId})
 * @param vendorRequestId  the vendor request-id header the mock sent ({@code x-request-id} / {@code request-id}),
 *                         or null (Gemini sends none)
 * @param correlationId    the caller's {@code x-switchboard-request-id} or {@code x-request-id} header, or null
 * @param model            model name from the request
 * @param stream           whether the response was streamed
 * @param promptTokens     tokens counted in the request (see {@code ChatRequest} for the rule)
 * @param completionTokens tokens of the answer actually sent
 * @param text             answer text actually sent (for a tool call: the arguments JSON sent so far)
 * @param toolName         name of the called tool, or null for a text answer
 * @param completed        true once the finishing event (or the whole JSON body) was sent
 * @param contentChunks    content-bearing stream events sent; 0 for non-streamed responses
 * @param finishReason     vendor finish/stop reason sent, or null when the stream was cut before it
 * @param startedAt        when generation began
 * @param cachedTokens     the part of {@code promptTokens} the response reported as read from the prompt cache
 * @param reasoningTokens  hidden reasoning tokens the response reported on top of {@code completionTokens}
 */
public record Generation(Vendor vendor, String endpoint, String responseId, String vendorRequestId,
                         String correlationId, String model, boolean stream, int promptTokens, int completionTokens,
                         String text, String toolName, boolean completed, int contentChunks, String finishReason,
                         Instant startedAt, int cachedTokens, int reasoningTokens) {

    public int totalTokens() {
        return promptTokens + completionTokens + reasoningTokens;
    }

    /** Output tokens as OpenAI bills them: the answer's and the hidden reasoning's. */
    public int billedOutputTokens() {
        return completionTokens + reasoningTokens;
    }
}
