package dev.switchboard.quota.admission;

import static dev.switchboard.quota.QuotaHttp.Auth.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.quota.QuotaHttp;
import dev.switchboard.quota.QuotaHttp.Response;
import dev.switchboard.testkit.SwitchboardInfrastructure;
import dev.switchboard.testkit.server.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Budget counters that Redis lost are rebuilt from the ledger before anything is admitted; while the ledger cannot
 * be read, admission fails closed rather than start the period's spend from zero.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QuotaHttp.SERVICE_TOKEN_PROPERTY, QuotaHttp.ADMIN_TOKEN_PROPERTY})
class CounterRebuildUnavailableIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_rebuild_unavailable_tests");
        SwitchboardInfrastructure.redis().register(registry);
        SwitchboardInfrastructure.kafka().register(registry);
        int nothingListens = FreePorts.next();
        registry.add("switchboard.quota.ledger.usage-url", () -> "http://127.0.0.1:" + nothingListens);
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @AfterEach
    void leaveCountersRebuilt() {
        redis.opsForValue().set("q:{q}:rebuilt", "0");
    }

    @Test
    void refusesWithServiceUnavailableUntilTheLedgerCanBeRead() {
        QuotaHttp http = new QuotaHttp(port);
        http.createTeam("lost-counters");
        String keyId = http.createKey("lost-counters", "k", null).text("id");
        assertThat(http.put("/api/v1/budgets/team:lost-counters/tokens/day", "{\"hardLimit\":1000}", ADMIN).status())
                .isEqualTo(200);
        redis.delete("q:{q}:rebuilt"); // as after a Redis restart without its data

        Response refused = http.admit(keyId, "lost-counters");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.text("type")).isEqualTo("overloaded");
        assertThat(refused.text("message")).isEqualTo("limits and budgets cannot be checked right now");
        assertThat(http.get("/api/v1/budgets/team:lost-counters/tokens/day/status", ADMIN).status()).isEqualTo(503);

        redis.opsForValue().set("q:{q}:rebuilt", "0"); // another instance rebuilt them
        assertThat(http.admit(keyId, "lost-counters").body().path("admitted").asBoolean()).isTrue();
    }
}
