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
}
