package dev.switchboard.mockprovider.generation;

import dev.switchboard.mockprovider.http.Replies;
import dev.switchboard.mockprovider.http.StreamEvent;

import java.util.List;

/** A generated answer rendered in one vendor's wire format, to be sent whole or as a stream of events. */
public interface AnswerFormat {

    /** The id the response carries ({@code chatcmpl-…}, {@code msg_…}, Gemini's {@code responseId}). */
    String responseId();

    /** The vendor's finish reason for the whole answer (Anthropic calls it the stop reason). */
    String finishReason();

    /** Content type of the whole (non-streamed) response. */
    default String contentType() {
        return Replies.JSON;
    }

    String json();

    /** Content type of a streamed response; OpenAI and Anthropic send this one. */
    default String streamContentType() {
        return "text/event-stream; charset=utf-8";
    }

    List<StreamEvent> events();

    /** The vendor's broken event, inserted as the n-th event for {@code malformed-chunk-at=n}. */
    StreamEvent malformed();
}
