package dev.switchboard.quota.admission;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.quota.QuotaTopics;
import dev.switchboard.contracts.usage.UsageEvent;
import dev.switchboard.contracts.usage.UsageTopics;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits and budgets enforced by admission, over real HTTP with real PostgreSQL, Redis and Kafka: reservations at
 * the dearest candidate's worst case, refusals, release, settlement from usage events, warnings and alerts, and
 * concurrent admissions that never overspend. Budget counters start as if just rebuilt from an empty ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY,
                "switchboard.quota.admission.policy-cache-ttl=100ms"})
class BudgetAdmissionIntegrationTests {

    /** 1000 input and 500 output tokens: 0.002 USD at the cheap candidate's price, 0.008 at the dear one's. */
    static final String CANDIDATES = """
            [{"model":"dear","price":{"priceVersion":"d1","inputPerMillion":3,"outputPerMillion":10,"currency":"USD"}},
             {"model":"cheap","price":{"priceVersion":"c1","inputPerMillion":1,"outputPerMillion":2,"currency":"USD"}}]""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_budget_admission_tests");
        SwitchboardInfrastructure.redis().register(registry);
        SwitchboardInfrastructure.kafka().register(registry);
        SwitchboardInfrastructure.kafka().createTopic(UsageTopics.USAGE_V1, 3);
        SwitchboardInfrastructure.kafka().createTopic(QuotaTopics.BUDGET_ALERTS_V1, 3);
        registry.add("spring.kafka.consumer.group-id", () -> "quota-settlement-tests-" + UUID.randomUUID());
    }

    @BeforeAll
    static void countersRebuiltFromAnEmptyLedger() {
        SwitchboardInfrastructure.redis().flushAll();
        RedisClient redis = RedisClient.create("redis://" + SwitchboardInfrastructure.redis().host() + ":"
                + SwitchboardInfrastructure.redis().port());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().set("q:{q}:rebuilt", "0");
        } finally {
            redis.shutdown();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    QuotaHttp http;
    String teamId;
    String keyId;

    @BeforeEach
    void teamAndKey() {
        http = new QuotaHttp(port);
        teamId = "team-" + UUID.randomUUID().toString().substring(0, 8);
        http.createTeam(teamId);
        keyId = http.createKey(teamId, "app", null).text("id");
    }

    @Test
    void reservesTheDearestCandidatesWorstCaseAndRefusesPastTheHardLimit() {
        budget("team:" + teamId, "money", "0.04", null);
        limit("team:" + teamId, "{\"requestsPerMinute\":100}");

        for (int i = 0; i < 5; i++) {
            assertThat(admit(keyId, 1000, null, 500, CANDIDATES).path("admitted").asBoolean()).isTrue();
        }
        JsonNode refused = admit(keyId, 1000, null, 500, CANDIDATES);

        assertThat(refused.path("admitted").asBoolean()).isFalse();
        assertThat(refused.path("reason").asString()).isEqualTo("budget_exceeded");
        assertThat(refused.path("retryAfterSeconds").asLong()).isPositive();
        assertThat(refused.path("message").asString())
                .startsWith("Budget exceeded: the team monthly money budget of 0.04 USD");
        // a refused request does not count against the request rate, which the refusal still reports
        assertThat(refused.path("rateLimits").path("limitRequests").asLong()).isEqualTo(100);
        assertThat(refused.path("rateLimits").path("remainingRequests").asLong()).isEqualTo(95);
        JsonNode status = status("team:" + teamId, "money");
        assertThat(status.path("reserved").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(status.path("used").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void releaseGivesTheReservationBackAtOnce() {
        budget("team:" + teamId, "money", "0.016", null);
        String first = admit(keyId, 1000, null, 500, CANDIDATES).path("reservationId").asString();
        admit(keyId, 1000, null, 500, CANDIDATES);
        assertThat(admit(keyId, 1000, null, 500, CANDIDATES).path("admitted").asBoolean()).isFalse();

        assertThat(http.post("/internal/v1/reservations/" + first + "/release", "", SERVICE).status()).isEqualTo(204);

        assertThat(status("team:" + teamId, "money").path("reserved").decimalValue()).isEqualByComparingTo("0.008");
        assertThat(admit(keyId, 1000, null, 500, CANDIDATES).path("admitted").asBoolean()).isTrue();
    }

    @Test
    void settlesToTheRealUsageFromTheUsageEventOnceEvenWhenRedelivered() throws Exception {
        budget("team:" + teamId, "money", "1", null);
        budget("key:" + keyId, "tokens", "100000", null);
        JsonNode admitted = admit(keyId, 1000, null, 500, CANDIDATES);
        String reservationId = admitted.path("reservationId").asString();
        assertThat(status("key:" + keyId, "tokens").path("reserved").decimalValue()).isEqualByComparingTo("1500");

        UsageEvent served = event(UUID.randomUUID().toString(), reservationId, 900, 120, new BigDecimal("0.0039"));
        publish(served);
        publish(served); // redelivered
        // charged without a reservation: its own was already released, as by the edge or the reaper
        publish(event(UUID.randomUUID().toString(), null, 100, 10, new BigDecimal("0.0000015")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode money = status("team:" + teamId, "money");
            assertThat(money.path("used").decimalValue()).isEqualByComparingTo("0.0039015");
            assertThat(money.path("reserved").decimalValue()).isEqualByComparingTo("0");
            JsonNode tokens = status("key:" + keyId, "tokens");
            assertThat(tokens.path("used").decimalValue()).isEqualByComparingTo("1130");
            assertThat(tokens.path("reserved").decimalValue()).isEqualByComparingTo("0");
        });
        assertThat(http.get("/internal/v1/reservations/" + reservationId, SERVICE).status()).isEqualTo(404);
    }

    @Test
    void refusesUnpricedModelsAndOtherCurrenciesOnKeysWithAMoneyBudget() {
        String unpriced = "[{\"model\":\"local-llama\",\"price\":null}]";
        String inEuros = "[{\"model\":\"euro\",\"price\":{\"priceVersion\":\"e1\",\"inputPerMillion\":1,"
                + "\"outputPerMillion\":1,\"currency\":\"EUR\"}}]";
        assertThat(admit(keyId, 10, null, 10, unpriced).path("admitted").asBoolean()).isTrue();

        budget("team:" + teamId, "money", "5", null);

        JsonNode refused = admit(keyId, 10, null, 10, unpriced);
        assertThat(refused.path("reason").asString()).isEqualTo("model_not_priced");
        assertThat(refused.path("message").asString()).contains("'local-llama' has no price");
        assertThat(admit(keyId, 10, null, 10, inEuros).path("reason").asString()).isEqualTo("model_not_priced");
    }

    @Test
    void appliesTheMaxTokensCeilingAndReservesAtIt() {
        limit("key:" + keyId, "{\"maxOutputTokens\":100}");
        budget("key:" + keyId, "tokens", "1000000", null);

        JsonNode tooMany = admit(keyId, 50, 200L, 200, CANDIDATES);
        assertThat(tooMany.path("reason").asString()).isEqualTo("max_tokens_exceeded");

        JsonNode capped = admit(keyId, 50, null, 4096, CANDIDATES);
        assertThat(capped.path("admitted").asBoolean()).isTrue();
        assertThat(capped.path("outputTokenCeiling").asLong()).isEqualTo(100);
        assertThat(status("key:" + keyId, "tokens").path("reserved").decimalValue()).isEqualByComparingTo("150");
    }

    @Test
    void limitsConcurrentRequestsUntilOneIsReleased() {
        limit("team:" + teamId, "{\"maxConcurrent\":2}");
        String first = admit(keyId, 0, null, 10, CANDIDATES).path("reservationId").asString();
        admit(keyId, 0, null, 10, CANDIDATES);

        JsonNode third = admit(keyId, 0, null, 10, CANDIDATES);
        assertThat(third.path("reason").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(third.path("message").asString())
                .isEqualTo("Too many concurrent requests for the team: at most 2.");

        http.post("/internal/v1/reservations/" + first + "/release", "", SERVICE);
        assertThat(admit(keyId, 0, null, 10, CANDIDATES).path("admitted").asBoolean()).isTrue();
    }

    @Test
    void limitsTokensPerMinuteAndReportsWhatIsLeft() {
        limit("key:" + keyId, "{\"tokensPerMinute\":1000,\"requestsPerMinute\":10}");

        JsonNode first = admit(keyId, 300, null, 200, CANDIDATES);
        assertThat(first.path("rateLimits").path("limitTokens").asLong()).isEqualTo(1000);
        assertThat(first.path("rateLimits").path("remainingTokens").asLong()).isEqualTo(500);
        assertThat(first.path("rateLimits").path("limitRequests").asLong()).isEqualTo(10);
        assertThat(first.path("rateLimits").path("remainingRequests").asLong()).isEqualTo(9);
        assertThat(first.path("rateLimits").path("resetTokensMillis").asLong()).isBetween(1L, 60_000L);
        assertThat(admit(keyId, 300, null, 200, CANDIDATES).path("rateLimits").path("remainingTokens").asLong())
                .isZero();

        JsonNode refused = admit(keyId, 300, null, 200, CANDIDATES);
        assertThat(refused.path("reason").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(refused.path("message").asString())
                .isEqualTo("Rate limit reached for this key: 1000 tokens per minute.");
    }

    @Test
    void appliesPerModelLimitsOnlyToTheirModelAndHonoursAllowedModels() {
        limit("team:" + teamId + "?model=dear", "{\"requestsPerMinute\":1}");
        String cheapFirst = "[{\"model\":\"cheap\",\"price\":null}]";

        assertThat(admit(keyId, 0, null, 10, CANDIDATES).path("admitted").asBoolean()).isTrue();
        assertThat(admit(keyId, 0, null, 10, CANDIDATES).path("reason").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(admitAs(keyId, "cheap", 0, null, 10, cheapFirst).path("admitted").asBoolean()).isTrue();

        String narrow = http.post("/api/v1/teams/" + teamId + "/keys",
                "{\"name\":\"narrow\",\"allowedModels\":[\"cheap\"]}", ADMIN).text("id");
        JsonNode notAllowed = admitAs(narrow, "dear", 0, null, 10, CANDIDATES);
        assertThat(notAllowed.path("reason").asString()).isEqualTo("model_not_allowed");
        assertThat(notAllowed.path("message").asString()).isEqualTo("This key may not use model 'dear'.");
        assertThat(admitAs(narrow, "cheap", 0, null, 10, cheapFirst).path("admitted").asBoolean()).isTrue();
    }

    @Test
    void warnsPastTheSoftThresholdAndPublishesOneAlertPerPeriod() {
        budget("team:" + teamId, "money", "0.04", "0.02");

        assertThat(admit(keyId, 1000, null, 500, CANDIDATES).path("budgetWarning").isNull()).isTrue();
        assertThat(admit(keyId, 1000, null, 500, CANDIDATES).path("budgetWarning").isNull()).isTrue();
        JsonNode third = admit(keyId, 1000, null, 500, CANDIDATES);
        assertThat(third.path("budgetWarning").asString())
                .isEqualTo("the team monthly money budget at 60% of 0.04 USD (soft threshold 0.02 USD)");
        assertThat(admit(keyId, 1000, null, 500, CANDIDATES).path("budgetWarning").asString()).contains("at 80%");

        List<JsonNode> alerts = alertsFor("team:" + teamId, Duration.ofSeconds(10));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("used").decimalValue()).isEqualByComparingTo("0.024");
        assertThat(alerts.get(0).path("teamId").asString()).isEqualTo(teamId);
    }

    @Test
    void concurrentAdmissionsNeverReserveMoreThanTheBudget() throws Exception {
        budget("team:" + teamId, "money", "0.16", null); // 20 worst cases
        List<Future<Boolean>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int i = 0; i < 120; i++) {
                results.add(pool.submit(() -> admit(keyId, 1000, null, 500, CANDIDATES).path("admitted").asBoolean()));
            }
            long admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(status("team:" + teamId, "money").path("reserved").decimalValue()).isEqualByComparingTo("0.16");
    }

    @Test
    void tellsTheEdgeWhichKeysItMustCountTokensFor() {
        Response created = http.createKey(teamId, "metered", null);
        String hash = QuotaHttp.sha256Hex(created.text("key"));
        String body = "{\"keyHash\":\"" + hash + "\"}";
        assertThat(http.post("/internal/v1/keys/authenticate", body, SERVICE).body().path("metered").asBoolean())
                .isFalse();

        budget("team:" + teamId, "tokens", "1000", null);

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                http.post("/internal/v1/keys/authenticate", body, SERVICE).body().path("metered").asBoolean())
                .isTrue());
    }

    private JsonNode admit(String key, long input, Long requestedMax, long max, String candidates) {
        return admitAs(key, "dear", input, requestedMax, max, candidates);
    }

    private JsonNode admitAs(String key, String model, long input, Long requestedMax, long max, String candidates) {
        Response response = http.post("/internal/v1/admissions", """
                {"requestId":"%s","keyId":"%s","teamId":"%s","model":"%s","estimatedInputTokens":%d,
                 "requestedMaxOutputTokens":%s,"maxOutputTokens":%d,"candidates":%s,"operation":"chat"}"""
                .formatted(UUID.randomUUID(), key, teamId, model, input, requestedMax, max, candidates), SERVICE);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private void budget(String scope, String kind, String hardLimit, String softThreshold) {
        String currency = "money".equals(kind) ? ",\"currency\":\"USD\"" : "";
        String soft = softThreshold == null ? "" : ",\"softThreshold\":" + softThreshold;
        Response put = http.put("/api/v1/budgets/" + scope + "/" + kind + "/month",
                "{\"hardLimit\":" + hardLimit + soft + currency + "}", ADMIN);
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
    }

    private void limit(String scopeAndQuery, String body) {
        Response put = http.put("/api/v1/limits/" + scopeAndQuery, body, ADMIN);
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
    }

    private JsonNode status(String scope, String kind) {
        Response status = http.get("/api/v1/budgets/" + scope + "/" + kind + "/month/status", ADMIN);
        assertThat(status.status()).as(status.body().toString()).isEqualTo(200);
        return status.body();
    }

    private UsageEvent event(String requestId, String reservationId, long input, long output, BigDecimal cost) {
        return new UsageEvent(requestId, Instant.now(), teamId, keyId, null, Map.of(), null, "dear", "p1", "dear",
                "v1", List.of(), input, 0, output, false, cost, "d1", null, false, null, 10, 200, null, null,
                "primary", reservationId);
    }

    private void publish(UsageEvent event) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(UsageTopics.USAGE_V1, event.teamId(), json.writeValueAsString(event)))
                    .get();
        }
    }

    private List<JsonNode> alertsFor(String scope, Duration within) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SwitchboardInfrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(QuotaTopics.BUDGET_ALERTS_V1));
            Instant end = Instant.now().plus(within);
            // read until the deadline: a second alert, if one were sent, would arrive within it too
            while (Instant.now().isBefore(end) && (found.isEmpty() || Instant.now().isBefore(end.minusSeconds(7)))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode alert = json.readTree(record.value());
                    if (scope.equals(alert.path("scope").asString())) {
                        found.add(alert);
                    }
                }
            }
        }
        return found;
    }
}
