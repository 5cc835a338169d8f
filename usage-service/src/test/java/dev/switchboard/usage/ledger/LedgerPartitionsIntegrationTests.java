package dev.switchboard.usage.ledger;

import static dev.switchboard.usage.PricedUsageEvents.GPT_4O_MINI;
import static dev.switchboard.usage.PricedUsageEvents.served;
import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.PricedUsageEvents.Tokens;
import dev.switchboard.usage.UsageTopicPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Month partitions of {@code usage_records}: made ahead of time, and on demand for events of any other month. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
class LedgerPartitionsIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final DateTimeFormatter PARTITION = DateTimeFormatter.ofPattern("'usage_records_'yyyy_MM");

    @Autowired
    UsageLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_partition_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "usage-partition-tests-" + UUID.randomUUID());
    }

    @Test
    void storesLateAndEarlyEventsInPartitionsOfTheirOwnMonthAndIgnoresTheirRedelivery() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Instant lateReplay = now.minusMonths(14).toInstant();
        Instant skewedClock = now.plusMonths(5).toInstant();
        String team = uniqueId("team");
        UsageEvent late = served(uniqueId("late"), team, lateReplay, Tokens.of(10, 0, 5, 0), GPT_4O_MINI);
        UsageEvent early = served(uniqueId("early"), team, skewedClock, Tokens.of(10, 0, 5, 0), GPT_4O_MINI);
        String sentinel = uniqueId("sentinel");
        try (UsageTopicPublisher publisher =
                     new UsageTopicPublisher(SwitchboardInfrastructure.kafka().bootstrapServers())) {
            publisher.publish(late);
            publisher.publish(early);
            publisher.publish(late);
            publisher.publish(early);
            // same team, same partition: once the sentinel is in, both redeliveries have been handled
            publisher.publish(served(sentinel, team, Instant.now(), Tokens.of(1, 0, 1, 0), GPT_4O_MINI));
            await().atMost(DEADLINE).until(() -> ledger.find(sentinel).isPresent());
        }

        assertThat(partitionOf(late.requestId())).isEqualTo(PARTITION.format(now.minusMonths(14)));
        assertThat(partitionOf(early.requestId())).isEqualTo(PARTITION.format(now.plusMonths(5)));
        assertThat(partitions()).contains(PARTITION.format(now.minusMonths(14)), PARTITION.format(now.plusMonths(5)));
        assertThat(rows(late.requestId())).isEqualTo(1);
        assertThat(rows(early.requestId())).isEqualTo(1);
    }

    @Test
    void maintenanceCreatesThisMonthsAndTheNextTwoMonthsPartitionsAcrossAYearEnd() {
        Clock november2031 = Clock.fixed(Instant.parse("2031-11-30T23:59:59Z"), ZoneOffset.UTC);
        assertThat(partitions()).doesNotContain("usage_records_2031_11");

        new LedgerPartitions(ledger, november2031).maintain();

        assertThat(partitions()).contains("usage_records_2031_11", "usage_records_2031_12", "usage_records_2032_01")
                .doesNotContain("usage_records_2032_02");
    }

    @Test
    void aRolledBackRecordTakesItsNewPartitionAlongWithoutBreakingTheMonthForLaterEvents() {
        Instant march2019 = Instant.parse("2019-03-10T08:00:00Z");
        UsageEvent good = served(uniqueId("good"), uniqueId("team"), march2019, Tokens.of(10, 0, 5, 0), GPT_4O_MINI);
        // Postgres cannot store U+0000 in text: the insert fails after the month's partition was created in the
        // same transaction, so the partition is rolled back with it
        UsageEvent rejected = served(uniqueId("nul"), "team\u0000", march2019, Map.of(), Tokens.of(1, 0, 1, 0),
                GPT_4O_MINI, CacheOutcome.MISS);

        assertThatThrownBy(() -> ledger.record(rejected)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(partitions()).doesNotContain("usage_records_2019_03");

        assertThat(ledger.record(good)).isTrue();
        assertThat(partitionOf(good.requestId())).isEqualTo("usage_records_2019_03");
    }

    private String partitionOf(String requestId) {
        return jdbc.sql("SELECT c.relname FROM usage.usage_records r JOIN pg_class c ON c.oid = r.tableoid"
                + " WHERE r.request_id = ?").param(requestId).query(String.class).single();
    }

    /** The partitions attached to usage_records, by name. */
    private List<String> partitions() {
        return jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'usage.usage_records'::regclass").query(String.class).list();
    }

    private int rows(String requestId) {
        return jdbc.sql("SELECT count(*) FROM usage.usage_records WHERE request_id = ?")
                .param(requestId).query(Integer.class).single();
    }
}
