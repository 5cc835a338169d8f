package dev.switchboard.edge.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Starts each request's {@link RequestTrace}. Whether the edge traces at all is decided once, at startup, by the
 * tracer it was given ({@link TracingConfiguration}): untraced, a request costs one small object.
 */
@Component
public class EdgeTracing {

    private final Tracer tracer;
    private final Propagator propagator;
    private final boolean enabled;

    EdgeTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.enabled = tracer != Tracer.NOOP;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The trace of the request the exchange serves, parented on the server span WebFlux's observation opened. */
    public RequestTrace start(ServerWebExchange exchange, String requestId) {
        if (!enabled) {
            return RequestTrace.untraced(requestId);
        }
        Span server = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
        return server != null
                ? new SpanTrace(tracer, propagator, requestId, server, false)
                : new SpanTrace(tracer, propagator, requestId, tracer.nextSpan().name("gateway request").start(), true);
    }
}
