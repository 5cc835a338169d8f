package dev.switchboard.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * A servlet service with an OTLP endpoint configured: an internal call carrying the edge's {@code traceparent}
 * is served in a span of the edge's trace, a child of the edge's step, exported over OTLP/HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=svc-secret", "switchboard.security.admin-token=adm-secret",
        "management.opentelemetry.tracing.export.schedule-delay=100ms"})
class ServiceTracingIntegrationTests {

    private static final OtlpReceiver RECEIVER = new OtlpReceiver();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String EDGE_SPAN_ID = "00f067aa0ba902b7";

    @SpringBootApplication
    @RestController
    static class TracedService {

        @GetMapping("/internal/v1/traced")
        String traced() {
            return "ok";
        }
    }

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", RECEIVER::endpoint);
    }

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @LocalServerPort
    int port;

    @Test
    void continuesTheEdgesTraceFromItsTraceparent() throws Exception {
        RestClient.create("http://localhost:" + port).get().uri("/internal/v1/traced")
                .header("x-switchboard-service-token", "svc-secret").header("x-request-id", "req_traced")
                .header("traceparent", "00-" + TRACE_ID + "-" + EDGE_SPAN_ID + "-01")
                .retrieve().toBodilessEntity();

        Span server = RECEIVER.await(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER).orElseThrow(
                () -> new AssertionError("no server span exported"));
        assertThat(OtlpReceiver.hex(server.getTraceId())).isEqualTo(TRACE_ID);
        assertThat(OtlpReceiver.hex(server.getParentSpanId())).isEqualTo(EDGE_SPAN_ID);
    }
}
