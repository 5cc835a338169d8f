package dev.switchboard.edge.observability;

import dev.switchboard.contracts.routing.RouteCandidate;
import io.micrometer.tracing.Span;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * One request's trace: a span per pipeline step as children of the request's server span. An untraced request's
 * trace creates no span and hands work back unchanged, so the pipeline calls it unconditionally.
 */
public interface RequestTrace extends OutboundHeaders {

    /** The request's step {@code name} (authenticate, route, admit, cache) spans {@code work}. */
    <T> Mono<T> step(String name, Mono<T> work);

    /** A span for one provider call, ended by the caller; {@link Span#NOOP} when untraced. */
    Span attempt(RouteCandidate candidate);

    /**
     * Marks the usage event's hand-over to the publisher with a {@code publish} span and returns that span's
     * {@code traceparent} for the Kafka record, so the consumers' spans join this trace; null when untraced.
     * Called once, as the request ends.
     */
    String publish();

    /** Puts this request's outbound headers into a Reactor context. */
    default Context into(Context context) {
        return context.put(OutboundHeaders.class, this);
    }

    /** The trace of a request while tracing is off: only the request id goes out. */
    static RequestTrace untraced(String requestId) {
        return new Untraced(requestId);
    }

    record Untraced(String requestId) implements RequestTrace {

        @Override
        public <T> Mono<T> step(String name, Mono<T> work) {
            return work;
        }

        @Override
        public Span attempt(RouteCandidate candidate) {
            return Span.NOOP;
        }

        @Override
        public String publish() {
            return null;
        }

        @Override
        public void writeTo(java.util.function.BiConsumer<String, String> header) {
            header.accept(REQUEST_ID, requestId);
        }
    }
}
