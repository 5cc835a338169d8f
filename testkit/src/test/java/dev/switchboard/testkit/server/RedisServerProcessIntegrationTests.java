package dev.switchboard.testkit.server;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisServerProcessIntegrationTests {

    @Test
    void servesTheRequestedPortUntilClosed() throws IOException {
        int port = FreePorts.next();
        try (RedisServerProcess redis = RedisServerProcess.start(port)) {
            assertThat(redis.port()).isEqualTo(port);
            assertThat(RedisProtocolClient.call("127.0.0.1", port, "SET", "k", "v")).isEqualTo("+OK");
            assertThat(RedisProtocolClient.call("127.0.0.1", port, "GET", "k")).isEqualTo("$1");
        }

        assertThat(RedisProtocolClient.ping("127.0.0.1", port)).isFalse();
    }

    /** What a suite does to test an outage: the port is free again at once, and the new server knows nothing. */
    @Test
    void startsEmptyOnThePortOfAStoppedServer() throws IOException {
        int port = FreePorts.next();
        RedisServerProcess first = RedisServerProcess.start(port);
        assertThat(RedisProtocolClient.call("127.0.0.1", port, "SET", "k", "v")).isEqualTo("+OK");
        first.close();
        assertThat(RedisProtocolClient.ping("127.0.0.1", port)).isFalse();

        try (RedisServerProcess second = RedisServerProcess.start(port)) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(RedisProtocolClient.call("127.0.0.1", port, "EXISTS", "k")).isEqualTo(":0");
        }
    }
}
