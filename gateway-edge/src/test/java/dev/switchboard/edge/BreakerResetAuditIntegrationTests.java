package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.audit.AuditEvent;
import dev.switchboard.contracts.audit.AuditTopics;
import dev.switchboard.edge.audit.AuditActor;
import dev.switchboard.edge.resilience.DeploymentBreakers;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A breaker reset is an admin change: it reaches the audit topic on a real broker before the breaker closes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "switchboard.security.admin-token=edge-admin-token")
class BreakerResetAuditIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DeploymentBreakers breakers;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        UnreachableServices.register(registry);
        registry.add("switchboard.edge.usage.bootstrap-servers",
                () -> SwitchboardInfrastructure.kafka().bootstrapServers());
    }

    @Test
    void resetIsAuditedWithTheStateBeforeAndTheUserNamedByTheCaller() throws Exception {
        String deployment = "openai/audited-" + UUID.randomUUID();
        CircuitBreaker breaker = breakers.breaker(deployment);
        breaker.transitionToOpenState();

        HttpResponse<String> response = reset(deployment, "alice@example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("state").asString()).isEqualTo("CLOSED");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        AuditEvent event = auditEventFor(deployment);
        assertThat(event.service()).isEqualTo("gateway-edge");
        assertThat(event.instance()).endsWith(":" + port);
        assertThat(event.actor()).isEqualTo("alice@example.com via admin");
        assertThat(event.action()).isEqualTo("reset");
        assertThat(event.entityType()).isEqualTo("breaker");
        assertThat(event.occurredAt()).isBefore(Instant.now().plusSeconds(1));
        JsonNode before = JSON.readTree(event.beforeJson());
        assertThat(before.path("state").asString()).isEqualTo("OPEN");
        assertThat(before.path("deploymentId").asString()).isEqualTo(deployment);
        assertThat(JSON.readTree(event.afterJson()).path("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void anInvalidActorHeaderChangesNothing() throws Exception {
        String deployment = "openai/actor-" + UUID.randomUUID();
        CircuitBreaker breaker = breakers.breaker(deployment);
        breaker.transitionToOpenState();

        HttpResponse<String> response = reset(deployment, "x".repeat(AuditActor.MAX_USER_LENGTH + 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("x-switchboard-actor");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private HttpResponse<String> reset(String deployment, String actor) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/v1/resilience/breakers/reset?deployment=" + deployment))
                        .header("Authorization", "Bearer edge-admin-token")
                        .header("x-switchboard-actor", actor)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static AuditEvent auditEventFor(String deployment) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafka().bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-reader-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(AuditTopics.AUDIT_V1));
            List<AuditEvent> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (deployment.equals(record.key())) {
                        found.add(JSON.readValue(record.value(), AuditEvent.class));
                    }
                }
            }
            assertThat(found).as("audit events for " + deployment).hasSize(1);
            return found.get(0);
        }
    }
}
