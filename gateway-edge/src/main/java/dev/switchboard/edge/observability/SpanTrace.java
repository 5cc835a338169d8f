package dev.switchboard.edge.observability;

import dev.switchboard.contracts.routing.RouteCandidate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import reactor.core.publisher.Mono;

/** A traced request: its steps are children of {@code root}, which it ends itself only if it started it. */
final class SpanTrace implements RequestTrace {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;
    private final String requestId;
    private final Span root;
    private final boolean ownsRoot;

    SpanTrace(Tracer tracer, Propagator propagator, String requestId, Span root, boolean ownsRoot) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.requestId = requestId;
        this.root = root;
        this.ownsRoot = ownsRoot;
        root.tag("request.id", requestId);
    }

    @Override
    public <T> Mono<T> step(String name, Mono<T> work) {
        return Mono.defer(() -> {
            Span span = tracer.nextSpan(root).name(name).start();
            return work.contextWrite(context -> context.put(OutboundHeaders.class, new StepHeaders(span)))
                    .doOnError(span::error)
                    .doFinally(signal -> span.end());
        });
    }

    @Override
    public Span attempt(RouteCandidate candidate) {
        return tracer.nextSpan(root).name("provider attempt")
                .tag("provider", candidate.providerId())
                .tag("model", candidate.upstreamModel())
                .tag("deployment", candidate.deploymentId())
                .start();
    }

    @Override
    public String publish() {
        Span span = tracer.spanBuilder().setParent(root.context()).name("publish").kind(Span.Kind.PRODUCER).start();
        String traceparent = headersOf(span).get(TRACEPARENT);
        span.end();
        if (ownsRoot) {
            root.end();
        }
        return traceparent;
    }

    @Override
    public void writeTo(BiConsumer<String, String> header) {
        header.accept(REQUEST_ID, requestId);
        propagator.inject(root.context(), header, BiConsumer::accept);
    }

    private Map<String, String> headersOf(Span span) {
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(span.context(), headers, Map::put);
        return headers;
    }

    /** An internal call made inside a step carries the step's span as its parent. */
    private final class StepHeaders implements OutboundHeaders {

        private final Span span;

        StepHeaders(Span span) {
            this.span = span;
        }

        @Override
        public void writeTo(BiConsumer<String, String> header) {
            header.accept(REQUEST_ID, requestId);
            propagator.inject(span.context(), header, BiConsumer::accept);
        }
    }
}
