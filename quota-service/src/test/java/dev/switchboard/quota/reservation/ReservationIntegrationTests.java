package dev.switchboard.quota.reservation;

import static dev.switchboard.quota.QuotaHttp.Auth.NONE;
import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Leases recorded by admission, read and released over real HTTP, with real PostgreSQL and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY})
class ReservationIntegrationTests {

    static final Duration LEASE = Duration.ofMinutes(10);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_reservation_tests");
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
    StringRedisTemplate redis;

    QuotaHttp http;

    String teamId;

    String keyId;

    @BeforeEach
    void key() {
        http = new QuotaHttp(port);
        teamId = "team-" + UUID.randomUUID().toString().substring(0, 8);
        http.createTeam(teamId);
        keyId = http.createKey(teamId, "limited", 100).text("id");
    }

    @Test
    void admissionRecordsALeaseThatExpiresWithinTheLeaseTime() {
        String reservationId = http.admit(keyId, teamId).text("reservationId");

        Double expiry = redis.opsForZSet().score("q:{q}:leases", reservationId);
        assertThat(expiry).isNotNull();
        assertThat(expiry.longValue() - System.currentTimeMillis()).isPositive().isLessThanOrEqualTo(LEASE.toMillis());
        assertThat(redis.getExpire("q:{q}:res:" + reservationId, TimeUnit.MILLISECONDS))
                .isGreaterThan(LEASE.toMillis());

        Response lease = http.get(path(reservationId), SERVICE);
        assertThat(lease.status()).isEqualTo(200);
        assertThat(lease.text("reservationId")).isEqualTo(reservationId);
        assertThat(lease.text("keyId")).isEqualTo(keyId);
        assertThat(lease.text("teamId")).isEqualTo(teamId);
        assertThat(UUID.fromString(lease.text("requestId"))).isNotNull();
        assertThat(Instant.parse(lease.text("leaseExpiresAt")).toEpochMilli()).isEqualTo(expiry.longValue());
    }

    @Test
    void unlimitedKeyGetsALeaseToo() {
        String unlimitedKey = http.createKey(teamId, "unlimited", null).text("id");

        String reservationId = http.admit(unlimitedKey, teamId).text("reservationId");

        assertThat(http.get(path(reservationId), SERVICE).text("keyId")).isEqualTo(unlimitedKey);
    }

    @Test
    void releaseDeletesTheLeaseAndAnswersTheSameWhenItIsAlreadyGone() {
        String reservationId = http.admit(keyId, teamId).text("reservationId");

        Response released = release(reservationId);
        assertThat(released.status()).isEqualTo(204);
        assertThat(redis.hasKey("q:{q}:res:" + reservationId)).isFalse();
        assertThat(redis.opsForZSet().score("q:{q}:leases", reservationId)).isNull();
        assertThat(http.get(path(reservationId), SERVICE).status()).isEqualTo(404);

        assertThat(release(reservationId).status()).isEqualTo(204);

        assertThat(http.getText("/actuator/prometheus"))
                .contains("switchboard_quota_reservations_total{application=\"quota-service\",outcome=\"released\"")
                .contains("switchboard_quota_reservations_total{application=\"quota-service\",outcome=\"missing\"");
    }

    @Test
    void releaseOfOneLeaseLeavesOthersAlone() {
        String released = http.admit(keyId, teamId).text("reservationId");
        String kept = http.admit(keyId, teamId).text("reservationId");

        release(released);

        assertThat(http.get(path(kept), SERVICE).status()).isEqualTo(200);
    }

    @Test
    void answersNotFoundForAnUnknownReservation() {
        Response missing = http.get(path(UUID.randomUUID().toString()), SERVICE);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("type")).isEqualTo("not_found");
    }

    @Test
    void rejectsMalformedReservationIds() {
        for (String malformed : new String[] {"bad$id", "a.b", "x".repeat(65)}) {
            Response release = release(malformed);
            assertThat(release.status()).as(malformed).isEqualTo(400);
            assertThat(release.text("type")).isEqualTo("invalid_request");
            Response find = http.get(path(malformed), SERVICE);
            assertThat(find.status()).as(malformed).isEqualTo(400);
            assertThat(find.text("type")).isEqualTo("invalid_request");
        }
        assertThat(release("x".repeat(64)).status()).isEqualTo(204);
    }

    @Test
    void requiresTheServiceToken() {
        String reservationId = http.admit(keyId, teamId).text("reservationId");

        assertThat(http.post(path(reservationId) + "/release", "", NONE).status()).isEqualTo(401);
        assertThat(http.get(path(reservationId), NONE).status()).isEqualTo(401);
        assertThat(http.get(path(reservationId), SERVICE).status()).isEqualTo(200);
    }

    private Response release(String reservationId) {
        return http.post(path(reservationId) + "/release", "", SERVICE);
    }

    private static String path(String reservationId) {
        return "/internal/v1/reservations/" + reservationId;
    }
}
