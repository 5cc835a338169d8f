package dev.switchboard.serviceweb;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Tracing is off unless an OTLP endpoint is configured: then a no-op tracer and propagator stand in for Boot's
 * OpenTelemetry ones, so a service makes no spans at all rather than unsampled ones nobody exports. Configured,
 * Boot's observation of servlet requests and Kafka listeners continues the edge's {@code traceparent}.
 */
@AutoConfiguration(before = {OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
        NoopTracerAutoConfiguration.class})
@ConditionalOnClass(Tracer.class)
@Conditional(ServiceTracingAutoConfiguration.NoOtlpEndpoint.class)
public class ServiceTracingAutoConfiguration {

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
