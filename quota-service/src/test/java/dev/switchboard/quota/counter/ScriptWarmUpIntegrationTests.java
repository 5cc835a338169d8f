package dev.switchboard.quota.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.SwitchboardInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A fresh service has its Redis connection open and the rate-limit script loaded before its first admission. */
@SpringBootTest(properties = {"switchboard.security.service-token=svc", "switchboard.security.admin-token=adm",
        "spring.application.name=quota-warm-up-test"})
class ScriptWarmUpIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SwitchboardInfrastructure.postgres().registerFreshDatabase(registry, "quota_warm_up_tests");
        SwitchboardInfrastructure.redis().register(registry);
        // settlement consumes usage events; without a broker the context waits ~40 s for Kafka at start
        SwitchboardInfrastructure.kafka().register(registry);
    }

    /** Runs before this class's context starts: any script another test class loaded is forgotten. */
    @BeforeAll
    static void forgetLoadedScripts() {
        try (RedisClient client = client(); StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().scriptFlush();
            redis.sync().flushall();
        }
    }

    @Test
    void loadsEveryQuotaScriptAtStartupWithoutWritingAnything() throws IOException {
        String[] shas = {sha1("redis/admit.lua"), sha1("redis/release.lua"), sha1("redis/settle.lua")};

        try (RedisClient client = client(); StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().scriptExists(shas)).containsExactly(true, true, true);
            assertThat(redis.sync().keys("q:*")).isEmpty();
        }
    }

    private static RedisClient client() {
        var fixture = SwitchboardInfrastructure.redis();
        return RedisClient.create("redis://" + fixture.host() + ":" + fixture.port());
    }

    private static String sha1(String resource) throws IOException {
        String script = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
