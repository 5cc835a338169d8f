package dev.switchboard.usage.ingest;

import static dev.switchboard.usage.TestUsageEvents.event;
import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.contracts.usage.UsageTopics;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * With an OTLP endpoint configured, the ledger's handling of a usage record is a span of the request's trace: the
 * listener continues the {@code traceparent} header the edge put on the record (its {@code publish} span).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
class UsageTracingIntegrationTests {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PUBLISH_SPAN_ID = "b7ad6b7169203331";
    private static final List<Span> EXPORTED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                        for (ScopeSpans scope : resource.getScopeSpansList()) {
                            EXPORTED.addAll(scope.getSpansList());
                        }
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_tracing_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "usage-tracing-tests-" + UUID.randomUUID());
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void consumingAUsageRecordContinuesTheTraceOfItsTraceparentHeader() throws Exception {
        String requestId = uniqueId("traced");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(UsageTopics.USAGE_V1, "demo",
                JsonMapper.builder().build().writeValueAsBytes(event(requestId, "demo")));
        record.headers().add("traceparent", ("00-" + TRACE_ID + "-" + PUBLISH_SPAN_ID + "-01")
                .getBytes(StandardCharsets.US_ASCII));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        Span consumer = awaitSpanOfTrace(TRACE_ID);
        assertThat(consumer.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
        assertThat(HexFormat.of().formatHex(consumer.getParentSpanId().toByteArray())).isEqualTo(PUBLISH_SPAN_ID);
    }

    private static Span awaitSpanOfTrace(String traceId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (Span span : EXPORTED) {
                if (HexFormat.of().formatHex(span.getTraceId().toByteArray()).equals(traceId)) {
                    return span;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span of trace " + traceId + " among " + EXPORTED.size() + " exported");
    }
}
