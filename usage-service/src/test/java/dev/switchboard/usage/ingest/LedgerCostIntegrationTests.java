package dev.switchboard.usage.ingest;

import static dev.switchboard.usage.PricedUsageEvents.CLAUDE_SONNET;
import static dev.switchboard.usage.PricedUsageEvents.GEMINI_FLASH;
import static dev.switchboard.usage.PricedUsageEvents.GPT_4O_MINI;
import static dev.switchboard.usage.PricedUsageEvents.price;
import static dev.switchboard.usage.PricedUsageEvents.served;
import static dev.switchboard.usage.TestUsageEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.usage.CacheOutcome;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.usage.PricedUsageEvents.Tokens;
import dev.switchboard.usage.UsageTopicPublisher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the ledger bills, fed through the real topic into a real Postgres: tokens × the price the event carried, for
 * each vendor's way of counting (expected costs worked out by hand, not with the code under test), cache hits as
 * saved, and rollups that always equal the records they sum.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "switchboard.security.service-token=test-service-token",
        "switchboard.security.admin-token=test-admin-token",
        "logging.level.org.apache.kafka=warn"})
@DirtiesContext
class LedgerCostIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Instant JUNE_2 = Instant.parse("2025-06-02T09:15:00Z");

    private static UsageTopicPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "usage_cost_tests");
        SwitchboardInfrastructure.kafka().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "usage-cost-tests-" + UUID.randomUUID());
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
    void billsOpenAiStyleUsageWithCachedInputAtTheCachedPriceAndReasoningAsOutput() {
        // prompt_tokens 1200 of which cached_tokens 1000; completion_tokens 350 of which reasoning_tokens 200
        String requestId = uniqueId("openai");
        publisher.publish(served(requestId, uniqueId("team"), JUNE_2, Tokens.of(1200, 1000, 350, 200), GPT_4O_MINI));

        Map<String, Object> row = awaitRow(requestId);

        // 200 × 0.15 + 1000 × 0.075 + 350 × 0.60 = 315 per million
        assertThat((BigDecimal) row.get("cost")).isEqualByComparingTo("0.000315");
        assertThat(row).containsEntry("input_tokens", 1200L).containsEntry("cached_input_tokens", 1000L)
                .containsEntry("output_tokens", 350L).containsEntry("reasoning_tokens", 200L)
                .containsEntry("currency", "USD").containsEntry("price_version", "gpt-4o-mini@2024-07-18")
                .containsEntry("tokens_estimated", false).containsEntry("saved_cost", null);
        assertThat((BigDecimal) row.get("input_price_per_million")).isEqualByComparingTo("0.15");
        assertThat((BigDecimal) row.get("cached_input_price_per_million")).isEqualByComparingTo("0.075");
        assertThat((BigDecimal) row.get("output_price_per_million")).isEqualByComparingTo("0.60");
    }

    @Test
    void billsAnthropicStyleUsageWhoseInputTokensExcludeCacheReads() {
        // Anthropic: input_tokens 377 (cache reads not included), cache_read_input_tokens 2000, output_tokens 512
        // with 300 of thinking; the edge hands it over in OpenAI terms as 2377 prompt tokens, 2000 of them cached
        String requestId = uniqueId("anthropic");
        publisher.publish(served(requestId, uniqueId("team"), JUNE_2, Tokens.of(377 + 2000, 2000, 512, 300),
                CLAUDE_SONNET));

        Map<String, Object> row = awaitRow(requestId);

        // 377 × 3 + 2000 × 0.30 + 512 × 15 = 1131 + 600 + 7680 = 9411 per million
        assertThat((BigDecimal) row.get("cost")).isEqualByComparingTo("0.009411");
        assertThat(row).containsEntry("cached_input_tokens", 2000L).containsEntry("reasoning_tokens", 300L);
    }

    @Test
    void billsGeminiStyleUsageWithThoughtsOutsideTheCandidates() {
        // Gemini: promptTokenCount 4000 including cachedContentTokenCount 3000; candidatesTokenCount 100 and
        // thoughtsTokenCount 900 on top, which the edge counts as 1000 output tokens, 900 of them reasoning
        String requestId = uniqueId("gemini");
        publisher.publish(served(requestId, uniqueId("team"), JUNE_2, Tokens.of(4000, 3000, 100 + 900, 900),
                GEMINI_FLASH));

        Map<String, Object> row = awaitRow(requestId);

        // 1000 × 0.30 + 3000 × 0.075 + 1000 × 2.50 = 300 + 225 + 2500 = 3025 per million
        assertThat((BigDecimal) row.get("cost")).isEqualByComparingTo("0.003025");
        assertThat(row).containsEntry("reasoning_tokens", 900L).containsEntry("output_tokens", 1000L);
    }

    @Test
    void billsCachedInputAsPlainInputWhenTheModelHasNoCachedPrice() {
        String requestId = uniqueId("no-cached-price");
        publisher.publish(served(requestId, uniqueId("team"), JUNE_2, Tokens.of(1000, 400, 10, 0),
                price("embed@1", "0.02", null, "0", "USD")));

        // all 1000 input tokens at 0.02
        assertThat((BigDecimal) awaitRow(requestId).get("cost")).isEqualByComparingTo("0.00002");
    }

    @Test
    void billsACacheHitNothingAndRecordsWhatItSaved() {
        String requestId = uniqueId("hit");
        publisher.publish(served(requestId, uniqueId("team"), JUNE_2, Map.of(), Tokens.of(500, 0, 100, 0),
                GPT_4O_MINI, CacheOutcome.HIT));

        Map<String, Object> row = awaitRow(requestId);

        assertThat((BigDecimal) row.get("cost")).isZero();
        // 500 × 0.15 + 100 × 0.60 = 135 per million
        assertThat((BigDecimal) row.get("saved_cost")).isEqualByComparingTo("0.000135");
        assertThat(row).containsEntry("cache_outcome", "hit");
    }

    @Test
    void flagsEstimatedTokenCountsInTheRecordAndTheRollup() {
        String team = uniqueId("team");
        String requestId = uniqueId("estimated");
        publisher.publish(served(requestId, team, JUNE_2, Tokens.of(40, 0, 7, 0).asEstimated(), GPT_4O_MINI));

        assertThat(awaitRow(requestId)).containsEntry("tokens_estimated", true);
        assertThat(jdbc.sql("SELECT estimated_requests FROM usage.usage_daily_rollups WHERE team_id = ?")
                .param(team).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void keepsRollupsEqualToTheRecordsTheySumAndNeverSumsCurrenciesTogether() {
        String team = uniqueId("team");
        ModelPrice euros = price("eu-model@1", "2", "1", "8", "EUR");
        List<UsageEvent> events = List.of(
                served(uniqueId("mix"), team, JUNE_2, Map.of("app", "chat", "env", "prod"),
                        Tokens.of(1200, 1000, 350, 200), GPT_4O_MINI, CacheOutcome.MISS),
                served(uniqueId("mix"), team, JUNE_2.plusSeconds(60), Map.of("app", "chat"),
                        Tokens.of(2377, 2000, 512, 300), CLAUDE_SONNET, CacheOutcome.NONE),
                served(uniqueId("mix"), team, JUNE_2.plusSeconds(120), Map.of("app", "search"),
                        Tokens.of(500, 0, 100, 0), GPT_4O_MINI, CacheOutcome.HIT),
                served(uniqueId("mix"), team, JUNE_2.plusSeconds(180), Map.of("app", "chat"),
                        Tokens.of(40, 0, 7, 0).asEstimated(), euros, CacheOutcome.MISS),
                served(uniqueId("mix"), team, JUNE_2.plusSeconds(240), Map.of("env", "prod"),
                        Tokens.of(900, 100, 60, 0), euros, CacheOutcome.MISS),
                // the next day: a rollup row of its own
                served(uniqueId("mix"), team, JUNE_2.plusSeconds(86_400), Map.of("app", "chat"),
                        Tokens.of(4000, 3000, 1000, 900), GEMINI_FLASH, CacheOutcome.MISS));
        events.forEach(publisher::publish);
        // a redelivery of the first event must add nothing anywhere
        publisher.publish(events.get(0));
        String sentinel = uniqueId("sentinel");
        publisher.publish(served(sentinel, team, JUNE_2.plusSeconds(300), Tokens.of(1, 0, 1, 0), GPT_4O_MINI));
        awaitRow(sentinel);

        assertThat(jdbc.sql("SELECT count(*) FROM usage.usage_records WHERE team_id = ?").param(team)
                .query(Long.class).single()).isEqualTo(events.size() + 1L);
        assertThat(dailyRollups(team)).isEqualTo(dailySumsOfRecords(team)).hasSize(3);
        assertThat(tagRollups(team)).isEqualTo(tagSumsOfRecords(team)).isNotEmpty();
        // dollars and euros of the same day stay apart, each exactly its own records' sum
        assertThat(jdbc.sql("""
                        SELECT currency || '=' || sum(cost)::text FROM usage.usage_daily_rollups
                        WHERE team_id = ? AND day = DATE '2025-06-02' GROUP BY currency ORDER BY currency""")
                .param(team).query(String.class).list())
                // EUR: (40 × 2 + 7 × 8) + (800 × 2 + 100 × 1 + 60 × 8) = 136 + 2180 per million
                // USD: 315 + 9411 + 0 (the hit) + 1 × 0.15 + 1 × 0.60 per million (the sentinel)
                .containsExactly("EUR=0.002316", "USD=0.00972675");
    }

    private static final String SUMS = """
            count(*) AS requests, count(*) FILTER (WHERE status >= 400) AS errors,
            count(*) FILTER (WHERE cache_outcome IN ('hit', 'semantic_hit')) AS cache_hits,
            count(*) FILTER (WHERE tokens_estimated) AS estimated_requests, sum(input_tokens) AS input_tokens,
            sum(cached_input_tokens) AS cached_input_tokens, sum(output_tokens) AS output_tokens,
            sum(reasoning_tokens) AS reasoning_tokens, coalesce(sum(cost), 0)::text AS cost,
            coalesce(sum(saved_cost), 0)::text AS saved_cost
            """;

    private static final String ROLLUP_SUMS = """
            requests, errors, cache_hits, estimated_requests, input_tokens, cached_input_tokens, output_tokens,
            reasoning_tokens, cost::text AS cost, saved_cost::text AS saved_cost
            """;

    private List<Map<String, Object>> dailyRollups(String team) {
        return jdbc.sql("SELECT day, key_id, provider_id, model, currency, " + ROLLUP_SUMS
                        + " FROM usage.usage_daily_rollups WHERE team_id = ? ORDER BY day, currency, model")
                .param(team).query().listOfRows().stream().map(LedgerCostIntegrationTests::normalised).toList();
    }

    private List<Map<String, Object>> dailySumsOfRecords(String team) {
        return jdbc.sql("SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, coalesce(key_id, '') AS key_id,"
                        + " coalesce(provider_id, '') AS provider_id, coalesce(served_model, '') AS model,"
                        + " coalesce(currency, '') AS currency, " + SUMS
                        + " FROM usage.usage_records WHERE team_id = ? GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 5, 4")
                .param(team).query().listOfRows().stream().map(LedgerCostIntegrationTests::normalised).toList();
    }

    private List<Map<String, Object>> tagRollups(String team) {
        return jdbc.sql("SELECT day, tag_key, tag_value, currency, " + ROLLUP_SUMS
                        + " FROM usage.usage_daily_tag_rollups WHERE team_id = ? ORDER BY 1, 2, 3, 4")
                .param(team).query().listOfRows().stream().map(LedgerCostIntegrationTests::normalised).toList();
    }

    private List<Map<String, Object>> tagSumsOfRecords(String team) {
        return jdbc.sql("SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, tag.key AS tag_key,"
                        + " tag.value AS tag_value, coalesce(currency, '') AS currency, " + SUMS
                        + " FROM usage.usage_records, jsonb_each_text(tags) AS tag WHERE team_id = ?"
                        + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                .param(team).query().listOfRows().stream().map(LedgerCostIntegrationTests::normalised).toList();
    }

    /** Counts as longs and sums as exact decimals, whatever numeric type each query produced. */
    private static Map<String, Object> normalised(Map<String, Object> row) {
        Map<String, Object> out = new java.util.TreeMap<>();
        row.forEach((column, value) -> out.put(column,
                value instanceof Number number && !(value instanceof BigDecimal) ? (Object) number.longValue()
                        : value instanceof BigDecimal decimal ? (Object) decimal.longValueExact()
                        : column.endsWith("cost") ? new BigDecimal((String) value).stripTrailingZeros() : value));
        return out;
    }

    private Map<String, Object> awaitRow(String requestId) {
        return await().atMost(DEADLINE).until(() -> jdbc.sql("SELECT * FROM usage.usage_records WHERE request_id = ?")
                .param(requestId).query().listOfRows(), rows -> rows.size() == 1).get(0);
    }
}
