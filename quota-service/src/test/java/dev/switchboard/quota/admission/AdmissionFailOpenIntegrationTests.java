package dev.switchboard.quota.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.testkit.server.FreePorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code fail-open: true} an unreachable Redis (nothing listens on its port) admits instead of refusing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY,
                "switchboard.quota.admission.fail-open=true"})
class AdmissionFailOpenIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_fail_open_tests");
        int nothingListens = FreePorts.next();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> nothingListens);
        // settlement consumes usage events; without a broker the context waits ~40 s for Kafka at start
        SwitchboardInfrastructure.kafka().register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void admitsWhileRedisIsUnreachableWithinTheRequestLimitCountedInMemory() {
        QuotaHttp http = new QuotaHttp(port);
        http.createTeam("open");
        String keyId = http.createKey("open", "limited", 2).text("id");

        for (int i = 0; i < 2; i++) {
            Response admitted = http.admit(keyId, "open");
            assertThat(admitted.status()).isEqualTo(200);
            assertThat(admitted.body().path("admitted").asBoolean()).isTrue();
            assertThat(admitted.text("reservationId")).isNotBlank();
            assertThat(admitted.body().path("remainingRequests").asLong()).isEqualTo(-1);
        }
        // fail-open is bounded: the key's own limit still holds, counted in this instance's memory
        Response refused = http.admit(keyId, "open");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body().path("admitted").asBoolean()).isFalse();
        assertThat(refused.text("reason")).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void admitsKeyWithoutRateLimitThoughItsLeaseCannotBeRecorded() {
        QuotaHttp http = new QuotaHttp(port);
        http.createTeam("open-unlimited");
        String keyId = http.createKey("open-unlimited", "unlimited", null).text("id");

        Response admitted = http.admit(keyId, "open-unlimited");

        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.body().path("admitted").asBoolean()).isTrue();
        assertThat(admitted.text("reservationId")).isNotBlank();
    }

    @Test
    void stillRefusesRevokedKeysWhileRedisIsUnreachable() {
        QuotaHttp http = new QuotaHttp(port);
        http.createTeam("open-revoked");
        String keyId = http.createKey("open-revoked", "gone", 1).text("id");
        http.revoke(keyId);

        Response refused = http.admit(keyId, "open-revoked");

        assertThat(refused.body().path("admitted").asBoolean()).isFalse();
        assertThat(refused.text("reason")).isEqualTo("key_revoked");
    }
}
