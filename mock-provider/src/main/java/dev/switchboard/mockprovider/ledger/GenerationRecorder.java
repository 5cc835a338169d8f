package dev.switchboard.mockprovider.ledger;

import java.time.Instant;

/**
 * Live ledger entry for a generation in progress; endpoints report each chunk as it is handed to the connection.
 *
 * <p>Updates happen on whichever thread emits the chunk while tests read snapshots from theirs, hence the locking.
 */
public final class GenerationRecorder {

    private final Vendor vendor;
    private final String endpoint;
    private final String responseId;
    private final String vendorRequestId;
    private final String correlationId;
    private final String model;
    private final boolean stream;
    private final int promptTokens;
    private final int cachedTokens;
    private final int reasoningTokens;
    private final String toolName;
    private final Instant startedAt = Instant.now();

    private final StringBuilder text = new StringBuilder();
    private int completionTokens;
    private int contentChunks;
    private boolean completed;
    private String finishReason;

    GenerationRecorder(Vendor vendor, String endpoint, String responseId, String vendorRequestId,
                       String correlationId, String model, boolean stream, int promptTokens, int cachedTokens,
                       int reasoningTokens, String toolName) {
        this.vendor = vendor;
        this.endpoint = endpoint;
        this.responseId = responseId;
        this.vendorRequestId = vendorRequestId;
        this.correlationId = correlationId;
        this.model = model;
        this.stream = stream;
        this.promptTokens = promptTokens;
        this.cachedTokens = cachedTokens;
        this.reasoningTokens = reasoningTokens;
        this.toolName = toolName;
    }

    /** A content-bearing stream event was handed to the connection. */
    public synchronized void chunkSent(String piece, int tokens) {
        text.append(piece);
        completionTokens += tokens;
        contentChunks++;
    }

    /** A whole non-streamed answer was handed to the connection. */
    public synchronized void wholeSent(String answer, int tokens, String reason) {
        text.append(answer);
        completionTokens += tokens;
        finish(reason);
    }

    /** The event carrying the finish reason was handed to the connection. */
    public synchronized void finish(String reason) {
        completed = true;
        finishReason = reason;
    }

    public synchronized Generation snapshot() {
        return new Generation(vendor, endpoint, responseId, vendorRequestId, correlationId, model, stream,
                promptTokens, completionTokens, text.toString(), toolName, completed, contentChunks, finishReason,
                startedAt, cachedTokens, reasoningTokens);
    }
}
