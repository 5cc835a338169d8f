package dev.switchboard.quota.reservation;

import static dev.switchboard.quota.QuotaHttp.Auth.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A lease nobody releases (the edge died) goes away by itself; here the lease lasts 1 s. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY,
                "switchboard.quota.reservations.lease=1s", "switchboard.quota.reservations.reap-interval=200ms"})
class ReservationLeaseExpiryIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_reservation_expiry_tests");
        SwitchboardInfrastructure.redis().register(registry);
        // settlement consumes usage events; without a broker the context waits ~40 s for Kafka at start
        SwitchboardInfrastructure.kafka().register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void leaseExpiresWhenNobodyReleasesIt() {
        QuotaHttp http = new QuotaHttp(port);
        http.createTeam("expiry");
        String keyId = http.createKey("expiry", "k", 100).text("id");
        String path = "/internal/v1/reservations/" + http.admit(keyId, "expiry").text("reservationId");

        Response live = http.get(path, SERVICE);
        assertThat(live.status()).isEqualTo(200);
        assertThat(Instant.parse(live.text("leaseExpiresAt"))).isBefore(Instant.now().plusSeconds(1));

        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(http.get(path, SERVICE).status()).isEqualTo(404));
    }
}
