package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.SwitchboardInfrastructure;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge with an OTLP endpoint configured, exporting to an in-test OTLP/HTTP receiver that decodes the protobuf
 * the exporter really sends: one chat request is one trace with a span per pipeline step, and that trace's
 * context reaches routing and quota (their stand-ins record the {@code traceparent} they got) and the usage
 * event's Kafka record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracingIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StandInServices SERVICES = new StandInServices();
    private static final List<Span> EXPORTED = new CopyOnWriteArrayList<>();
    private static final DisposableServer COLLECTOR = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.post("/v1/traces", (request, response) -> request.receive().aggregate()
                    .asByteArray().flatMap(body -> {
                        collect(body);
                        return response.status(200).header("Content-Type", "application/x-protobuf").send();
                    })))
            .bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tracedEdge(DynamicPropertyRegistry registry) throws Exception {
        UnreachableServices.register(registry);
        registry.add("switchboard.edge.services.quota-url", SERVICES::url);
        registry.add("switchboard.edge.services.routing-url", SERVICES::url);
        registry.add("switchboard.edge.usage.bootstrap-servers",
                () -> SwitchboardInfrastructure.kafka().bootstrapServers());
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.port() + "/v1/traces");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
        COLLECTOR.disposeNow();
    }

    private static void collect(byte[] body) {
        try {
            for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    EXPORTED.addAll(scope.getSpansList());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneChatRequestIsOneTraceWithASpanPerStepThatReachesTheInternalServicesAndTheUsageRecord()
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/v1/chat/completions"))
                        .header("Authorization", "Bearer sb-traced-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-test\",\"messages\":"
                                + "[{\"role\":\"user\",\"content\":\"Trace me.\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();

        String traceId = traceIdOfServerSpan(requestId);
        List<Span> trace = awaitSpans(traceId, List.of("authenticate", "route", "admit", "provider attempt",
                "publish"));
        assertThat(trace).extracting(Span::getName)
                .contains("authenticate", "route", "admit", "provider attempt", "publish");
        Span server = trace.stream().filter(span -> span.getParentSpanId().isEmpty()).findFirst().orElseThrow();
        assertThat(trace).filteredOn(span -> !span.getParentSpanId().isEmpty())
                .allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(server.getSpanId()));

        List<StandInServices.InternalCall> calls = SERVICES.internalCalls.stream()
                .filter(call -> requestId.equals(call.requestId())).toList();
        assertThat(calls).extracting(StandInServices.InternalCall::path)
                .contains("/internal/v1/keys/authenticate", "/internal/v1/route-plans", "/internal/v1/admissions");
        for (StandInServices.InternalCall call : calls) {
            String expectedStep = switch (call.path()) {
                case "/internal/v1/keys/authenticate" -> "authenticate";
                case "/internal/v1/route-plans" -> "route";
                default -> "admit";
            };
            Span step = trace.stream().filter(span -> span.getName().equals(expectedStep)).findFirst().orElseThrow();
            assertThat(call.traceparent()).as(call.path())
                    .isEqualTo("00-" + traceId + "-" + hex(step.getSpanId().toByteArray()) + "-01");
        }

        String recordTraceparent = usageRecordTraceparent(requestId);
        Span publish = trace.stream().filter(span -> span.getName().equals("publish")).findFirst().orElseThrow();
        assertThat(recordTraceparent).isEqualTo("00-" + traceId + "-" + hex(publish.getSpanId().toByteArray())
                + "-01");
    }

    /** The server span WebFlux opened for the request is tagged with its request id. */
    private static String traceIdOfServerSpan(String requestId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (Span span : EXPORTED) {
                boolean tagged = span.getAttributesList().stream().anyMatch(attribute ->
                        attribute.getKey().equals("request.id")
                                && attribute.getValue().getStringValue().equals(requestId));
                if (tagged) {
                    return hex(span.getTraceId().toByteArray());
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span tagged with " + requestId + " among "
                + EXPORTED.stream().map(Span::getName).collect(Collectors.toList()));
    }

    private static List<Span> awaitSpans(String traceId, List<String> names) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        List<Span> trace = List.of();
        while (Instant.now().isBefore(deadline)) {
            trace = EXPORTED.stream().filter(span -> hex(span.getTraceId().toByteArray()).equals(traceId)).toList();
            if (trace.stream().map(Span::getName).collect(Collectors.toSet()).containsAll(names)) {
                return trace;
            }
            Thread.sleep(50);
        }
        return trace;
    }

    private static String usageRecordTraceparent(String requestId) {
        Header header = PublishedUsage.recordOf(requestId).headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
