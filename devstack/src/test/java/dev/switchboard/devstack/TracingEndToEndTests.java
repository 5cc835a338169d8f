package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A suite of its own with every service exporting traces over OTLP/HTTP to a receiver in this test (the shared
 * suite traces nothing): one chat request at the edge is one trace, and routing-service's, quota-service's and
 * usage-service's spans for it carry the same trace id.
 */
class TracingEndToEndTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A span with the service that exported it. */
    private record Exported(String service, Span span) {

        String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }
    }

    private static final List<Exported> EXPORTED = new CopyOnWriteArrayList<>();
    private static HttpServer collector;
    private static LocalSuite suite;

    @BeforeAll
    static void startTracedSuite() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                    String service = resource.getResource().getAttributesList().stream()
                            .filter(attribute -> attribute.getKey().equals("service.name"))
                            .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse("?");
                    for (ScopeSpans scope : resource.getScopeSpansList()) {
                        scope.getSpansList().forEach(span -> EXPORTED.add(new Exported(service, span)));
                    }
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Path root = ServiceModule.findRepositoryRoot(Path.of(""));
        Path work = Files.createDirectories(root.resolve("devstack/target/e2e-traced-" + System.currentTimeMillis()));
        SuiteSettings settings = SuiteSettings.forTests(root, work);
        List<String> options = new ArrayList<>(settings.jvmOptions());
        options.add("-Dmanagement.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
                + collector.getAddress().getPort() + "/v1/traces");
        options.add("-Dmanagement.opentelemetry.tracing.export.schedule-delay=200ms");
        suite = LocalSuite.start(settings.withJvmOptions(options));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void oneChatRequestIsOneTraceAcrossTheEdgeRoutingQuotaAndUsageServices() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(suite.edgeUrl() + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + suite.demoKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Trace me."}]}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();

        String traceId = awaitTraceOf(requestId);
        List<Exported> trace = awaitTrace(traceId);

        assertThat(spanNames(trace, "gateway-edge"))
                .contains("authenticate", "route", "admit", "provider attempt", "publish");
        assertThat(kinds(trace, "routing-service")).contains(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(kinds(trace, "quota-service")).contains(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(kinds(trace, "usage-service")).contains(Span.SpanKind.SPAN_KIND_CONSUMER);
    }

    /** The edge tags the request's server span with its request id. */
    private static String awaitTraceOf(String requestId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (Exported exported : EXPORTED) {
                for (KeyValue attribute : exported.span().getAttributesList()) {
                    if (attribute.getKey().equals("request.id")
                            && attribute.getValue().getStringValue().equals(requestId)) {
                        return exported.traceId();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no span tagged " + requestId + "; exported: " + EXPORTED.stream()
                .map(exported -> exported.service() + "/" + exported.span().getName()).collect(Collectors.toList()));
    }

    /** Waits until every service has exported its part of the trace (the ledger consumes asynchronously). */
    private static List<Exported> awaitTrace(String traceId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<Exported> trace = List.of();
        while (Instant.now().isBefore(deadline)) {
            trace = EXPORTED.stream().filter(exported -> exported.traceId().equals(traceId)).toList();
            Set<String> services = trace.stream().map(Exported::service).collect(Collectors.toSet());
            if (services.containsAll(List.of("gateway-edge", "routing-service", "quota-service", "usage-service"))
                    && !kinds(trace, "usage-service").isEmpty()) {
                return trace;
            }
            Thread.sleep(100);
        }
        return trace;
    }

    private static List<String> spanNames(List<Exported> trace, String service) {
        return trace.stream().filter(exported -> exported.service().equals(service))
                .map(exported -> exported.span().getName()).toList();
    }

    private static List<Span.SpanKind> kinds(List<Exported> trace, String service) {
        return trace.stream().filter(exported -> exported.service().equals(service))
                .map(exported -> exported.span().getKind()).toList();
    }
}
