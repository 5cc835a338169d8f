package dev.switchboard.testkit;

import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisFixtureIntegrationTests {

    private static final RedisFixture redis = SwitchboardInfrastructure.redis();

    private static RedisClient client;

    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void answersPingSetAndGet() {
        RedisCommands<String, String> commands = connection.sync();

        assertThat(commands.ping()).isEqualTo("PONG");
        commands.set("greeting", "hello");
        assertThat(commands.get("greeting")).isEqualTo("hello");
    }

    @Test
    void runsLuaScripts() {
        RedisCommands<String, String> commands = connection.sync();
        String incrementWithCap = """
                local current = tonumber(redis.call('GET', KEYS[1]) or '0')
                if current + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return -1 end
                return redis.call('INCRBY', KEYS[1], ARGV[1])
                """;

        Long first = commands.eval(incrementWithCap, ScriptOutputType.INTEGER, new String[] { "budget" }, "7", "10");
        Long second = commands.eval(incrementWithCap, ScriptOutputType.INTEGER, new String[] { "budget" }, "7", "10");

        assertThat(List.of(first, second)).containsExactly(7L, -1L);
    }

    @Test
    void flushAllEmptiesTheServer() {
        RedisCommands<String, String> commands = connection.sync();
        commands.set("doomed", "1");

        redis.flushAll();

        assertThat(commands.dbsize()).isZero();
    }
}
