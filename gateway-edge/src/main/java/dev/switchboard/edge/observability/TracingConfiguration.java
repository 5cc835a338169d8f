package dev.switchboard.edge.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Tracing is off unless an OTLP endpoint is configured. Boot would otherwise build an OpenTelemetry tracer that
 * makes (unsampled) spans for every request; the no-op tracer and propagator here stop that, decided once at
 * startup, so an untraced edge pays nothing per request. Application configuration runs before Boot's, whose
 * tracer and propagator back off when these exist.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TracingConfiguration.NoOtlpEndpoint.class)
class TracingConfiguration {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    /** Boot 3's name for it, still bound by Boot 4 as a deprecated alias. */
    static final String LEGACY_ENDPOINT = "management.otlp.tracing.endpoint";

    @Bean
    Tracer noTracer() {
        return Tracer.NOOP;
    }

    @Bean
    Propagator noPropagation() {
        return Propagator.NOOP;
    }

    static final class NoOtlpEndpoint implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(ENDPOINT))
                    && !StringUtils.hasText(context.getEnvironment().getProperty(LEGACY_ENDPOINT));
        }
    }
}
