package dev.switchboard.edge.observability;

import java.util.function.BiConsumer;
import reactor.util.context.ContextView;

/**
 * The headers an internal call made on behalf of a request carries: its {@code x-request-id} and, when traced,
 * the W3C {@code traceparent} of the pipeline step making the call. It travels in the Reactor context, so no
 * thread-local outlives a request and the callers in between need not pass it on.
 */
public interface OutboundHeaders {

    String REQUEST_ID = "x-request-id";

    /** Writes the headers; the consumer is called once per header. */
    void writeTo(BiConsumer<String, String> header);

    /** Writes the headers of the request whose context this is, if any. */
    static void writeFrom(ContextView context, BiConsumer<String, String> header) {
        OutboundHeaders headers = context.getOrDefault(OutboundHeaders.class, null);
        if (headers != null) {
            headers.writeTo(header);
        }
    }
}
