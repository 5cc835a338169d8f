package dev.switchboard.usage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.audit.AuditEvent;
import dev.switchboard.contracts.audit.AuditTopics;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.UsageHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Audit events of database-less services, from the real topic into the append-only table and out over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "switchboard.usage.ingest.retry-initial-interval=50ms",
        "switchboard.usage.ingest.retry-max-interval=200ms",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String deployment = "openai/gpt-" + UUID.randomUUID();
    private KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_audit_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "usage-audit-tests-" + UUID.randomUUID());
    }

    @BeforeAll
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SwitchboardInfrastructure.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void storesEachEventOnceAndShowsItToAdmins() {
        AuditEvent reset = new AuditEvent(UUID.randomUUID().toString(), Instant.parse("2026-11-22T10:15:30.5Z"),
                "gateway-edge", "edge-1:8080", "alice via admin", "reset", "breaker", deployment,
                "{\"state\":\"OPEN\",\"failureRate\":100.0}", "{\"state\":\"CLOSED\"}");
        send(reset.entityId(), JSON.writeValueAsBytes(reset));
        send(reset.entityId(), JSON.writeValueAsBytes(reset));

        await().atMost(DEADLINE).until(() -> rows(deployment) == 1);
        ResponseEntity<String> response = new UsageHttp(port).get(
                "/api/v1/audit?service=gateway-edge&entityType=breaker&entityId=" + deployment,
                HttpHeaders.AUTHORIZATION, "Bearer test-admin-token");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode entries = JSON.readTree(response.getBody());
        assertThat(entries.size()).isEqualTo(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("eventId").asString()).isEqualTo(reset.id());
        assertThat(entry.path("occurredAt").asString()).isEqualTo("2026-11-22T10:15:30.500Z");
        assertThat(entry.path("instance").asString()).isEqualTo("edge-1:8080");
        assertThat(entry.path("actor").asString()).isEqualTo("alice via admin");
        assertThat(entry.path("action").asString()).isEqualTo("reset");
        assertThat(entry.path("before").path("state").asString()).isEqualTo("OPEN");
        assertThat(entry.path("after").path("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aMalformedEventDoesNotBlockTheOnesAfterIt() {
        String entity = "openai/poison-" + UUID.randomUUID();
        send(entity, "{\"id\":\"x\",\"service\":".getBytes(StandardCharsets.UTF_8));
        send(entity, JSON.writeValueAsBytes(new AuditEvent(UUID.randomUUID().toString(), Instant.now(),
                "gateway-edge", "edge-1:8080", "admin", "reset", "breaker", entity, null, "{\"state\":\"CLOSED\"}")));
        send(entity, JSON.writeValueAsBytes(new AuditEvent(UUID.randomUUID().toString(), Instant.now(),
                "gateway-edge", "edge-1:8080", " ", "reset", "breaker", entity, null, null)));
        String after = "openai/after-" + UUID.randomUUID();
        send(after, JSON.writeValueAsBytes(new AuditEvent(UUID.randomUUID().toString(), Instant.now(),
                "gateway-edge", "edge-2:8080", "admin", "reset", "breaker", after, null, "{\"state\":\"CLOSED\"}")));

        await().atMost(DEADLINE).until(() -> rows(after) == 1);
        assertThat(rows(entity)).isEqualTo(1);
    }

    @Test
    void theTableRefusesUpdatesDeletesAndTruncation() {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), Instant.now(), "gateway-edge", "edge-1:8080",
                "admin", "reset", "breaker", "openai/immutable-" + UUID.randomUUID(), null, "{}");
        send(event.entityId(), JSON.writeValueAsBytes(event));
        await().atMost(DEADLINE).until(() -> rows(event.entityId()) == 1);

        assertThatThrownBy(() -> jdbc.sql("update usage.audit_log set actor = 'mallory' where entity_id = ?")
                .param(event.entityId()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from usage.audit_log where entity_id = ?")
                .param(event.entityId()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate usage.audit_log").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select actor from usage.audit_log where entity_id = ?").param(event.entityId())
                .query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void readingNeedsAnAdminOrViewerTokenAndValidParameters() {
        UsageHttp http = new UsageHttp(port);
        assertThat(http.get("/api/v1/audit", HttpHeaders.AUTHORIZATION, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.get("/api/v1/audit", UsageHttp.SERVICE_TOKEN_HEADER, "test-service-token").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> badLimit = http.get("/api/v1/audit?limit=0", HttpHeaders.AUTHORIZATION,
                "Bearer test-admin-token");
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(UsageHttp.error(badLimit).message()).contains("limit");
    }

    private void send(String key, byte[] payload) {
        try {
            producer.send(new ProducerRecord<>(AuditTopics.AUDIT_V1, key, payload)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows(String entityId) {
        return jdbc.sql("select count(*) from usage.audit_log where entity_id = ?").param(entityId)
                .query(Long.class).single();
    }
}
