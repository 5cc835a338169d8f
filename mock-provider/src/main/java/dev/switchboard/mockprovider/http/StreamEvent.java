package dev.switchboard.mockprovider.http;

/**
 * One framed event of a stream, with what it means for the ledger.
 *
 * @param frame        the exact bytes to send, framing included ({@code data: …\n\n})
 * @param piece        answer text this event carries, or null for events that carry no content
 * @param tokens       completion tokens this event carries
 * @param finishReason finish reason this event announces, or null
 */
public record StreamEvent(String frame, String piece, int tokens, String finishReason) {

    public static StreamEvent control(String frame) {
        return new StreamEvent(frame, null, 0, null);
    }

    public static StreamEvent content(String frame, String piece, int tokens) {
        return new StreamEvent(frame, piece, tokens, null);
    }

    public static StreamEvent finishing(String frame, String finishReason) {
        return new StreamEvent(frame, null, 0, finishReason);
    }

    /** Whether the event counts as a content chunk (for delays, {@code disconnect-after-chunks} and the ledger). */
    public boolean isContent() {
        return piece != null;
    }

    public StreamEvent withFinishReason(String reason) {
        return new StreamEvent(frame, piece, tokens, reason);
    }
}
