package dev.switchboard.edge.provider;

import dev.switchboard.edge.streaming.StreamTransform;
import java.util.function.ToIntFunction;

/**
 * Turns one provider stream into canonical OpenAI {@code chat.completion.chunk} SSE events, event by event, while
 * keeping what billing needs. One instance per stream, fed in order from one thread at a time.
 *
 * <p>Output contract: every {@code data:} event is an OpenAI chunk (or {@code data: [DONE]}). The final usage
 * chunk ({@code "choices":[]} with {@code usage}) is emitted only when {@link ChatRequest#streamUsageWanted()};
 * {@code data: [DONE]} is emitted once, when the provider's stream ended normally. A provider in-band error is
 * emitted as {@code data: {"error":{...}}} in OpenAI's shape.
 */
public interface ChatStreamTranslator extends StreamTransform {

    /** Provider-reported usage, once the stream got that far; else null. */
    TokenUsage usage();

    /** The OpenAI error type of an in-band error the provider sent, else null. */
    String errorType();

    /** Output tokens of the content relayed so far, counted with {@code counter}; for streams cut before usage. */
    long countOutputTokens(ToIntFunction<String> counter);
}
