package dev.switchboard.usage.ingest;

import static dev.switchboard.usage.TestUsageEvents.event;
import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.UsageTopicPublisher;
import dev.switchboard.usage.ledger.UsageLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole consumer against a real Kafka broker and a real Postgres: topic in, ledger row out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "switchboard.usage.ingest.retry-initial-interval=50ms",
        "switchboard.usage.ingest.retry-max-interval=200ms",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
class UsageEventListenerIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static UsageTopicPublisher publisher;

    @Autowired
    UsageLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_listener_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        // The topic is shared with every other test class in this JVM; a group of our own gets every message
        // into this class's database and no other context can take our partitions away.
        registry.add("spring.kafka.consumer.group-id", () -> "usage-listener-tests-" + UUID.randomUUID());
    }

    @BeforeAll
    static void startPublisher() {
        publisher = new UsageTopicPublisher(SwitchboardInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void stopPublisher() {
        publisher.close();
    }

    @Test
    void storesPublishedEventWithExactCostAndEveryField() {
        String requestId = uniqueId("exact");
        publisher.publishRaw("demo", """
                {"requestId":"%s","occurredAt":"2025-06-01T12:30:45.123456Z","teamId":"demo","keyId":"key-7",
                 "user":"alice","tags":{"app":"chatbot","env":"prod"},"routeId":"default",
                 "requestedModel":"gpt-4o-mini","providerId":"openai-main","servedModel":"gpt-4o-mini",
                 "modelVersion":"2024-07-18",
                 "attempts":[{"providerId":"openai-backup","model":"gpt-4o-mini","outcome":"error","status":503,
                              "latencyMillis":120,"errorType":"provider_unavailable"},
                             {"providerId":"openai-main","model":"gpt-4o-mini","outcome":"success","status":200,
                              "latencyMillis":840,"errorType":null}],
                 "inputTokens":90,"cachedInputTokens":10,"outputTokens":0,"tokensEstimated":true,
                 "cost":0.0000135,"priceVersion":"p-2025-05","cacheOutcome":"miss","stream":true,
                 "timeToFirstTokenMillis":310,"latencyMillis":960,"status":200,"errorType":null}
                """.formatted(requestId));

        UsageEvent stored = awaitStored(requestId);

        assertThat(stored).isEqualTo(event(requestId, "demo"));
        assertThat(stored.cost().compareTo(new BigDecimal("0.0000135"))).isZero();
        assertThat(stored.cost().toPlainString()).isEqualTo("0.0000135");
        Map<String, Object> row = jdbc.sql("""
                        SELECT cost::text AS cost, tags->>'app' AS app, jsonb_array_length(attempts) AS attempts,
                               user_id, ttft_ms, recorded_at IS NOT NULL AS recorded
                        FROM usage.usage_records WHERE request_id = ?""")
                .param(requestId).query().singleRow();
        assertThat(row).containsEntry("cost", "0.0000135").containsEntry("app", "chatbot")
                .containsEntry("attempts", 2).containsEntry("user_id", "alice").containsEntry("ttft_ms", 310L)
                .containsEntry("recorded", true);
    }

    @Test
    void storesTheRouteExplanationAndReadsItBack() {
        String requestId = uniqueId("route");
        publisher.publishRaw("demo", """
                {"requestId":"%s","occurredAt":"2025-06-01T12:30:45Z","teamId":"demo","keyId":"key-7",
                 "routeId":"rule:summarize","requestedModel":"auto","providerId":"openai-main",
                 "servedModel":"gpt-4o-mini","inputTokens":12,"cachedInputTokens":0,"outputTokens":3,
                 "tokensEstimated":false,"stream":false,"latencyMillis":40,"status":200,
                 "route":{"rule":"summarize","strategy":"split","arm":"cheap",
                          "considered":[{"model":"gpt-4o-mini","providerId":"openai-main","verdict":"selected",
                                         "reason":"cheapest capable"},
                                        {"model":"gpt-4o","providerId":"openai-main","verdict":"rejected",
                                         "reason":"split arm strong not chosen"}]}}
                """.formatted(requestId));

        UsageEvent stored = awaitStored(requestId);

        assertThat(stored.route()).isEqualTo(new RouteExplanation("summarize", "split", "cheap", List.of(
                new RouteExplanation.Consideration("gpt-4o-mini", "openai-main", "selected", "cheapest capable"),
                new RouteExplanation.Consideration("gpt-4o", "openai-main", "rejected",
                        "split arm strong not chosen"))));
        assertThat(jdbc.sql("SELECT route->'considered'->1->>'verdict' FROM usage.usage_records WHERE request_id = ?")
                .param(requestId).query(String.class).single()).isEqualTo("rejected");
    }

    @Test
    void leavesTheRouteNullForEventsWithoutOne() {
        String requestId = uniqueId("no-route");
        publisher.publishRaw("demo", """
                {"requestId":"%s","occurredAt":"2025-06-01T12:30:45Z","teamId":"demo","keyId":"key-7",
                 "inputTokens":0,"cachedInputTokens":0,"outputTokens":0,"tokensEstimated":false,"stream":false,
                 "latencyMillis":2,"status":401,"errorType":"authentication_error"}
                """.formatted(requestId));

        assertThat(awaitStored(requestId).route()).isNull();
        assertThat(jdbc.sql("SELECT route IS NULL FROM usage.usage_records WHERE request_id = ?")
                .param(requestId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void storesRedeliveredEventOnce() {
        String team = uniqueId("team");
        UsageEvent event = event(uniqueId("twice"), team);
        String sentinel = uniqueId("sentinel");
        double duplicatesBefore = count("duplicate");

        publisher.publish(event);
        publisher.publish(event);
        // Same key, same partition: once the sentinel is stored, both deliveries have been handled.
        publisher.publish(event(sentinel, team));
        awaitStored(sentinel);

        assertThat(rowsFor(event.requestId())).isEqualTo(1);
        assertThat(count("duplicate")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
    }

    @Test
    void deadLettersMalformedMessagesAndKeepsConsumingThePartition() {
        String team = uniqueId("team");
        String notJson = "{not json " + UUID.randomUUID();
        // A complete event but for its idempotency key; the team id makes it findable in the dead-letter topic.
        String noRequestId = team;
        String good = uniqueId("after-poison");
        double poisonBefore = count("poison");

        publisher.publishRaw(team, notJson);
        publisher.publish(event(null, team));
        publisher.publish(event(good, team));

        awaitStored(good);
        Map<String, ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(List.of(notJson, noRequestId));
        assertThat(dead.get(notJson).key()).isEqualTo(team);
        assertThat(header(dead.get(notJson), "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(MalformedUsageEventException.class.getName());
        assertThat(header(dead.get(noRequestId), "kafka_dlt-exception-message")).contains("requestId is missing");
        assertThat(count("poison")).isGreaterThanOrEqualTo(poisonBefore + 2);
    }

    @Test
    void deadLettersEventThePostgresRejectsInsteadOfRetryingItForever() {
        String team = uniqueId("team");
        UsageEvent template = event(uniqueId("nul"), team);
        // Postgres text and jsonb cannot hold U+0000: this event can never be stored.
        UsageEvent rejected = new UsageEvent(template.requestId(), template.occurredAt(), team, "key-7",
                "bad\u0000user", Map.of(), null, null, null, null, null, null, 1, 0, 1, false, BigDecimal.ONE,
                null, null, false, null, 5, 200, null);
        String good = uniqueId("after-nul");

        publisher.publish(rejected);
        publisher.publish(event(good, team));

        awaitStored(good);
        assertThat(rowsFor(rejected.requestId())).isZero();
        assertThat(awaitDeadLetters(List.of(rejected.requestId()))).hasSize(1);
    }

    @Test
    void keepsRetryingWhileTheLedgerIsUnavailableAndStoresTheEventsAfterwards() {
        String team = uniqueId("team");
        String first = uniqueId("outage-1");
        String second = uniqueId("outage-2");
        // The consumer must already be reading, or the outage would be over before it saw the events.
        String warmUp = uniqueId("warm-up");
        publisher.publish(event(warmUp, team));
        awaitStored(warmUp);
        double retriesBefore = meters.get(IngestMetrics.RETRIES).counter().count();
        jdbc.sql("ALTER TABLE usage.usage_records RENAME TO usage_records_offline").update();
        try {
            publisher.publish(event(first, team));
            publisher.publish(event(second, team));
            // More failed attempts than spring-kafka's default handler makes (10) before it gives up and skips.
            await().atMost(DEADLINE)
                    .until(() -> meters.get(IngestMetrics.RETRIES).counter().count() >= retriesBefore + 12);
        }
        finally {
            jdbc.sql("ALTER TABLE usage.usage_records_offline RENAME TO usage_records").update();
        }

        awaitStored(first);
        awaitStored(second);
    }

    private UsageEvent awaitStored(String requestId) {
        return await().atMost(DEADLINE).until(() -> ledger.find(requestId), found -> found.isPresent()).get();
    }

    private int rowsFor(String requestId) {
        return jdbc.sql("SELECT count(*) FROM usage.usage_records WHERE request_id = ?")
                .param(requestId).query(Integer.class).single();
    }

    private double count(String outcome) {
        return meters.get(IngestMetrics.EVENTS).tag("outcome", outcome).counter().count();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Reads the dead-letter topic from the start until a message containing each marker has been seen. */
    private static Map<String, ConsumerRecord<String, byte[]>> awaitDeadLetters(List<String> markers) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(IngestConfiguration.DEAD_LETTER_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (found.size() < markers.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    markers.stream().filter(value::contains).forEach(marker -> found.put(marker, record));
                }
            }
        }
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(markers);
        return found;
    }
}
