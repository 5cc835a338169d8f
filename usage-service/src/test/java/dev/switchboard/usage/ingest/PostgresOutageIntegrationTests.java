package dev.switchboard.usage.ingest;

import static dev.switchboard.usage.PricedUsageEvents.GPT_4O_MINI;
import static dev.switchboard.usage.PricedUsageEvents.served;
import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.testkit.server.EmbeddedPostgresServer;
import dev.switchboard.testkit.server.FreePorts;
import dev.switchboard.usage.PricedUsageEvents.Tokens;
import dev.switchboard.usage.UsageTopicPublisher;
import dev.switchboard.usage.ledger.UsageLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The ledger's PostgreSQL server itself goes away (not a renamed table: every pooled connection dies, new ones are
 * refused) while events keep arriving, and comes back on the same port with its data: the consumer retries without
 * committing offsets, the pool reconnects by itself, and every event is stored exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "switchboard.usage.ingest.retry-initial-interval=100ms",
        "switchboard.usage.ingest.retry-max-interval=1s",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
class PostgresOutageIntegrationTests {

    private static final String DATABASE = "usage_outage_tests";
    private static final int PORT = FreePorts.next();
    private static final Path DATA = createTempDirectory();
    private static EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(PORT, DATA);

    @Autowired
    UsageLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = postgres.createDatabase(DATABASE);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "usage-outage-tests-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void retriesWhileThePostgresServerIsDownAndStoresEveryEventOnceItIsBack() throws Exception {
        String team = uniqueId("team");
        try (UsageTopicPublisher publisher =
                     new UsageTopicPublisher(SwitchboardInfrastructure.kafka().bootstrapServers())) {
            String warmUp = uniqueId("warm-up");
            publisher.publish(served(warmUp, team, Instant.now(), Tokens.of(1, 0, 1, 0), GPT_4O_MINI));
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(warmUp).isPresent());
            double retriesBefore = retries();

            postgres.close();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String requestId = uniqueId("outage-" + i);
                publisher.publish(served(requestId, team, Instant.now(), Tokens.of(100 + i, 0, 10, 0), GPT_4O_MINI));
                sent.add(requestId);
            }
            // redelivered while the server is down: must still end up once
            publisher.publish(served(sent.get(3), team, Instant.now(), Tokens.of(103, 0, 10, 0), GPT_4O_MINI));
            await().atMost(Duration.ofSeconds(60)).until(() -> retries() >= retriesBefore + 3);
            postgres = EmbeddedPostgresServer.start(PORT, DATA);

            await().atMost(Duration.ofSeconds(90)).until(() -> storedCount(team) == sent.size() + 1);
            for (String requestId : sent) {
                assertThat(jdbc.sql("SELECT count(*) FROM usage.usage_records WHERE request_id = ?").param(requestId)
                        .query(Integer.class).single()).as(requestId).isEqualTo(1);
            }
            assertThat(jdbc.sql("SELECT requests FROM usage.usage_daily_rollups WHERE team_id = ?").param(team)
                    .query(Long.class).list().stream().mapToLong(Long::longValue).sum()).isEqualTo(sent.size() + 1);
        }
    }

    private long storedCount(String team) {
        try {
            return jdbc.sql("SELECT count(*) FROM usage.usage_records WHERE team_id = ?").param(team)
                    .query(Long.class).single();
        } catch (RuntimeException stillDown) {
            return -1;
        }
    }

    private double retries() {
        return meters.get(IngestMetrics.RETRIES).counter().count();
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("usage-outage-postgres");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
