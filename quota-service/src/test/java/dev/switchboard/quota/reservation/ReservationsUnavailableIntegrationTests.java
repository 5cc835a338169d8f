package dev.switchboard.quota.reservation;

import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.PrivateRedis;
import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.testkit.server.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With Redis gone, a release cannot be confirmed: 503 with Retry-After, so the edge retries. Own Redis to stop. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY})
class ReservationsUnavailableIntegrationTests {

    static RedisServerProcess privateRedis;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_reservation_down_tests");
        privateRedis = PrivateRedis.startFor(registry);
        // settlement consumes usage events; without a broker the context waits ~40 s for Kafka at start
        SwitchboardInfrastructure.kafka().register(registry);
    }

    @AfterAll
    static void stopRedis() {
        privateRedis.close();
    }

    @LocalServerPort
    int port;

    @Test
    void answersServiceUnavailableWithRetryAfterOnceRedisStops() {
        QuotaHttp http = new QuotaHttp(port);
        http.createTeam("down");
        String keyId = http.createKey("down", "k", 100).text("id");
        String path = "/internal/v1/reservations/" + http.admit(keyId, "down").text("reservationId");
        assertThat(http.get(path, SERVICE).status()).isEqualTo(200);

        privateRedis.close();

        Response release = http.post(path + "/release", "", SERVICE);
        assertThat(release.status()).isEqualTo(503);
        assertThat(release.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(release.text("type")).isEqualTo("overloaded");
        assertThat(http.get(path, SERVICE).status()).isEqualTo(503);
    }
}
