package dev.switchboard.quota.admission;

import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Admission over real HTTP with real PostgreSQL and Redis. The clock is pinned 30 s into a minute so the
 * window arithmetic is exact; the key cache lives 1 s so revocations made behind the service's back show quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY,
                "switchboard.quota.admission.key-cache-ttl=1s"})
class AdmissionIntegrationTests {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:30Z");
    static final long WINDOW_START = NOW.getEpochSecond() - 30;

    @TestConfiguration
    static class PinnedClock {

        @Bean
        @Primary
        Clock pinnedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_admission_tests");
        SwitchboardInfrastructure.redis().register(registry);
        // settlement consumes usage events; without a broker the context waits ~40 s for Kafka at start
        SwitchboardInfrastructure.kafka().register(registry);
    }

    @BeforeAll
    static void flushRedis() {
        SwitchboardInfrastructure.redis().flushAll();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    QuotaHttp http;

    String teamId;

    @BeforeEach
    void team() {
        http = new QuotaHttp(port);
        teamId = "team-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.createTeam(teamId).status()).isEqualTo(201);
    }

    @Test
    void admitsUpToTheLimitThenRateLimits() {
        String keyId = http.createKey(teamId, "three per minute", 3).text("id");
        Set<String> reservations = new HashSet<>();

        for (int remaining = 2; remaining >= 0; remaining--) {
            Response admitted = http.admit(keyId, teamId);
            assertThat(admitted.status()).isEqualTo(200);
            assertThat(admitted.body().path("admitted").asBoolean()).isTrue();
            assertThat(admitted.body().path("remainingRequests").asLong()).isEqualTo(remaining);
            reservations.add(UUID.fromString(admitted.text("reservationId")).toString());
        }
        assertThat(reservations).hasSize(3);

        Response limited = http.admit(keyId, teamId);
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.body().path("admitted").asBoolean()).isFalse();
        assertThat(limited.text("reason")).isEqualTo("rate_limit_exceeded");
        assertThat(limited.text("message")).isEqualTo("Rate limit reached for this key: 3 requests per minute.");
        assertThat(limited.body().path("rateLimits").path("remainingRequests").asLong()).isZero();
        assertThat(limited.body().path("retryAfterSeconds").asLong()).isEqualTo(30);
        assertThat(limited.body().path("reservationId").isNull()).isTrue();

        assertThat(redis.opsForValue().get("q:{q}:rpm:key:" + keyId + ":" + WINDOW_START)).isEqualTo("3");
        assertThat(redis.getExpire("q:{q}:rpm:key:" + keyId + ":" + WINDOW_START)).isBetween(1L, 120L);
        assertThat(http.getText("/actuator/prometheus"))
                .contains("switchboard_quota_admissions_total{application=\"quota-service\","
                        + "outcome=\"rate_limit_exceeded\"");
    }

    @Test
    void admitsUnlimitedKeyWithoutCountingInRedis() {
        String keyId = http.createKey(teamId, "unlimited", null).text("id");

        Response admitted = http.admit(keyId, teamId);

        assertThat(admitted.body().path("admitted").asBoolean()).isTrue();
        assertThat(admitted.body().path("remainingRequests").asLong()).isEqualTo(-1);
        assertThat(redis.keys("q:{q}:rpm:key:" + keyId + ":*")).isEmpty();
    }

    @Test
    void refusesEveryRequestOfAKeyLimitedToZero() {
        String keyId = http.createKey(teamId, "paused", 0).text("id");

        Response refused = http.admit(keyId, teamId);

        assertThat(refused.body().path("admitted").asBoolean()).isFalse();
        assertThat(refused.text("reason")).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void refusesKeyRevokedThroughTheAdminApiAtOnce() {
        String keyId = http.createKey(teamId, "revoked here", 100).text("id");
        assertThat(http.admit(keyId, teamId).body().path("admitted").asBoolean()).isTrue();

        http.revoke(keyId);

        Response refused = http.admit(keyId, teamId);
        assertThat(refused.body().path("admitted").asBoolean()).isFalse();
        assertThat(refused.text("reason")).isEqualTo("key_revoked");
    }

    @Test
    void seesRevocationByAnotherInstanceWithinTheCacheTtl() {
        String keyId = http.createKey(teamId, "revoked elsewhere", 100).text("id");
        assertThat(http.admit(keyId, teamId).body().path("admitted").asBoolean()).isTrue();

        // what another quota-service instance does: the row changes, this instance's cache is not told
        jdbc.sql("update quota.api_keys set status = 'revoked', revoked_at = now() where id = :id")
                .param("id", keyId).update();

        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(http.admit(keyId, teamId).text("reason")).isEqualTo("key_revoked"));
    }

    @Test
    void refusesUnknownKey() {
        Response refused = http.admit("key_0000000000000000", teamId);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body().path("admitted").asBoolean()).isFalse();
        assertThat(refused.text("reason")).isEqualTo("key_unknown");
    }

    @Test
    void rejectsKeyPresentedForAnotherTeam() {
        String keyId = http.createKey(teamId, "mine", 10).text("id");
        http.createTeam(teamId + "-other");

        Response response = http.admit(keyId, teamId + "-other");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("invalid_request");
    }

    @Test
    void rejectsInvalidAdmissionBodies() {
        String keyId = http.createKey(teamId, "k", 10).text("id");
        assertInvalid(http.post("/internal/v1/admissions",
                "{\"requestId\":\"r1\",\"teamId\":\"" + teamId + "\"}", SERVICE));
        assertInvalid(http.post("/internal/v1/admissions",
                "{\"keyId\":\"" + keyId + "\",\"teamId\":\"" + teamId + "\"}", SERVICE));
        assertInvalid(http.post("/internal/v1/admissions", """
                {"requestId":"r1","keyId":"%s","teamId":"%s","estimatedInputTokens":-5,"maxOutputTokens":10}"""
                .formatted(keyId, teamId), SERVICE));
        assertInvalid(http.post("/internal/v1/admissions", "{\"requestId\":", SERVICE));
        assertInvalid(http.post("/internal/v1/admissions", """
                {"requestId":"r1","keyId":"%s","teamId":"%s","maxOutputTokens":"lots"}"""
                .formatted(keyId, teamId), SERVICE));
    }

    private static void assertInvalid(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("invalid_request");
    }
}
