package dev.switchboard.edge.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.testkit.server.FreePorts;
import dev.switchboard.testkit.server.KafkaKraftBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher against a real broker of its own, on a fixed port, stopped and started again on the same port and
 * log directory as an outage would: events emitted meanwhile wait in the spool and reach Kafka, every one and in
 * order per team, once it is back, also when the edge itself was restarted in between.
 */
class UsagePublisherIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TEAMS = List.of("team-a", "team-b", "team-c");
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static KafkaKraftBroker broker;
    private static boolean brokerStopped;

    @TempDir
    Path spoolDirectory;

    private String topic;
    private final List<UsagePublisher> publishers = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        // a throw-away log directory, kept across stop and startAgain and deleted on close
        broker = KafkaKraftBroker.start(FreePorts.next(), null);
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @BeforeEach
    void topicOfItsOwn() {
        topic = "usage-spool-tests-" + UUID.randomUUID();
        broker.createTopic(topic, 3);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (UsagePublisher publisher : publishers) {
            publisher.destroy();
        }
        startBroker(false);
    }

    @Test
    void spoolsWhileKafkaIsDownAndReplaysEveryEventInOrderWhenItReturns() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        UsagePublisher publisher = publisher(meters);
        List<UsageEvent> sent = new ArrayList<>(events("before", 1));
        publisher.publish(sent.get(0), traceparent(sent.get(0)));
        awaitEvents(sent);
        await(() -> gauge(meters, "switchboard.edge.usage.spool.events") == 0, "spool empty while Kafka is up");

        stopBroker();
        List<UsageEvent> duringOutage = events("outage", 60);
        duringOutage.forEach(event -> publisher.publish(event, traceparent(event)));
        sent.addAll(duringOutage);

        await(() -> gauge(meters, "switchboard.edge.usage.kafka.available") == 0, "Kafka seen as unavailable");
        assertThat(gauge(meters, "switchboard.edge.usage.spool.events")).isEqualTo(60);
        assertThat(gauge(meters, "switchboard.edge.usage.spool.bytes")).isPositive();

        startBroker(true);
        Map<String, List<String>> received = awaitEvents(sent);

        assertInOrderPerTeam(sent, received);
        await(() -> gauge(meters, "switchboard.edge.usage.spool.events") == 0
                && gauge(meters, "switchboard.edge.usage.spool.bytes") == 0
                && gauge(meters, "switchboard.edge.usage.kafka.available") == 1, "spool drained");
        assertThat(meters.get("switchboard.edge.usage.published").counter().count()).isGreaterThanOrEqualTo(61);
    }

    @Test
    void eventsSpooledBeforeAnEdgeRestartAreDeliveredByTheNextStart() throws Exception {
        stopBroker();
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        UsagePublisher first = publisher(firstMeters);
        List<UsageEvent> sent = events("restart", 30);
        sent.forEach(event -> first.publish(event, traceparent(event)));
        await(() -> gauge(firstMeters, "switchboard.edge.usage.spool.events") == 30, "events on disk");

        first.destroy();
        publishers.remove(first);
        assertThat(segmentBytesOnDisk()).as("left on disk for the next start").isPositive();

        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        publisher(secondMeters);
        assertThat(gauge(secondMeters, "switchboard.edge.usage.spool.events")).isEqualTo(30);
        startBroker(true);

        assertInOrderPerTeam(sent, awaitEvents(sent));
        await(() -> gauge(secondMeters, "switchboard.edge.usage.spool.events") == 0, "spool drained");
        assertThat(segmentBytesOnDisk()).isZero();
    }

    private UsagePublisher publisher(SimpleMeterRegistry meters) throws IOException {
        UsagePublisherProperties properties = new UsagePublisherProperties(broker.bootstrapServers(), topic,
                Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(1),
                new UsagePublisherProperties.Spool(spoolDirectory, DataSize.ofGigabytes(1), DataSize.ofKilobytes(8),
                        true, Duration.ofSeconds(10)));
        UsagePublisher publisher = new UsagePublisher(JSON, properties, meters);
        publishers.add(publisher);
        return publisher;
    }

    private static void stopBroker() {
        broker.stop();
        brokerStopped = true;
    }

    /** Brings the stopped broker back on its port and log directory; {@code required} fails when it was running. */
    private static void startBroker(boolean required) {
        if (brokerStopped) {
            broker = broker.startAgain();
            brokerStopped = false;
        } else {
            assertThat(required).as("the broker was stopped").isFalse();
        }
    }

    /** {@code count} events round-robin over three teams, ids numbered in the order they are emitted. */
    private static List<UsageEvent> events(String prefix, int count) {
        List<UsageEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            events.add(event(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + n,
                    TEAMS.get(n % TEAMS.size())));
        }
        return events;
    }

    private static UsageEvent event(String requestId, String team) {
        return new UsageEvent(requestId, Instant.now(), team, "key-1", null, Map.of(), "default", "gpt-test",
                "stand-in", "gpt-test", "2026-01", List.of(), 5, 0, 1, false, new BigDecimal("0.0000225"), "price-7",
                "miss", false, null, 12, 200, null, null, "primary", "res-1");
    }

    /**
     * Reads the topic from its start until every sent event has arrived at least once; answers the request ids
     * each team's records carried, in the order Kafka holds them (duplicates included).
     */
    private Map<String, List<String>> awaitEvents(List<UsageEvent> sent) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "usage-publisher-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, List<String>> byTeam = new LinkedHashMap<>();
        LinkedHashSet<String> missing = new LinkedHashSet<>(sent.stream().map(UsageEvent::requestId).toList());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    JsonNode event = JSON.readTree(record.value());
                    String requestId = event.path("requestId").asString();
                    assertThat(record.key()).as("keyed by team").isEqualTo(event.path("teamId").asString());
                    assertThat(record.headers().lastHeader("traceparent")).as("trace context kept through the spool")
                            .isNotNull();
                    assertThat(new String(record.headers().lastHeader("traceparent").value(),
                            StandardCharsets.US_ASCII)).isEqualTo(traceparent(requestId));
                    byTeam.computeIfAbsent(record.key(), team -> new ArrayList<>()).add(requestId);
                    missing.remove(requestId);
                }
            }
        }
        assertThat(missing).as("events that never reached Kafka").isEmpty();
        return byTeam;
    }

    /** A W3C trace context of the event's own, so each record's header can be checked against its event. */
    private static String traceparent(UsageEvent event) {
        return traceparent(event.requestId());
    }

    private static String traceparent(String requestId) {
        long hash = requestId.hashCode() & 0xFFFFFFFFL;
        return String.format("00-%032x-%016x-01", hash + 1, hash + 2);
    }

    /** Each team's events arrived in the order they were emitted (a replayed duplicate may follow, never precede). */
    private static void assertInOrderPerTeam(List<UsageEvent> sent, Map<String, List<String>> received) {
        for (String team : TEAMS) {
            List<String> emitted = sent.stream().filter(event -> event.teamId().equals(team))
                    .map(UsageEvent::requestId).toList();
            List<String> firstArrivals = new ArrayList<>(new LinkedHashSet<>(received.getOrDefault(team, List.of())));
            assertThat(firstArrivals).as("events of %s in Kafka's order", team).containsExactlyElementsOf(emitted);
        }
    }

    private long segmentBytesOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            long total = 0;
            for (Path file : files.filter(path -> path.toString().endsWith(SpoolSegment.SUFFIX)).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static double gauge(SimpleMeterRegistry meters, String name) {
        return meters.get(name).gauge().value();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within %s: %s", WITHIN, what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
