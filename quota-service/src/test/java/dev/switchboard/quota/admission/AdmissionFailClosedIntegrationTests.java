package dev.switchboard.quota.admission;

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

/**
 * The published default: when Redis goes away, admission is refused quickly with 503 and Retry-After, since
 * neither the rate limit can be checked nor the reservation lease recorded. The service gets its own Redis here,
 * because the shared one must stay up for other classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY})
class AdmissionFailClosedIntegrationTests {

    static RedisServerProcess privateRedis;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_fail_closed_tests");
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
    void refusesWithServiceUnavailableOnceRedisStops() {
        QuotaHttp http = new QuotaHttp(port);
        http.createTeam("closed");
        String limitedKey = http.createKey("closed", "limited", 100).text("id");
        String unlimitedKey = http.createKey("closed", "unlimited", null).text("id");
        assertThat(http.admit(limitedKey, "closed").body().path("admitted").asBoolean()).isTrue();

        privateRedis.close();

        long started = System.nanoTime();
        Response refused = http.admit(limitedKey, "closed");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.text("type")).isEqualTo("overloaded");
        assertThat(refused.text("message")).isNotBlank();
        assertThat(elapsedMillis).as("a dead Redis is detected within the short command timeout").isLessThan(3_000);

        // a key without a request-rate limit has nothing to count, but its reservation lease cannot be recorded
        Response unlimited = http.admit(unlimitedKey, "closed");
        assertThat(unlimited.status()).isEqualTo(503);
        assertThat(unlimited.headers().getFirst("Retry-After")).isEqualTo("1");
    }
}
