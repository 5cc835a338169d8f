package dev.switchboard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.switchboard.testkit.server.RedisProtocolClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A {@link RedisFixture} over any reachable Redis, embedded or in a container.
 */
final class SocketRedisFixture implements RedisFixture {

    private final String host;

    private final int port;

    SocketRedisFixture(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void flushAll() {
        try {
            String reply = RedisProtocolClient.call(host, port, "FLUSHALL");
            if (!"+OK".equals(reply)) {
                throw new IllegalStateException("FLUSHALL on " + host + ":" + port + " answered " + reply);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not reach Redis on " + host + ":" + port, ex);
        }
    }

    @Override
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", this::host);
        registry.add("spring.data.redis.port", this::port);
    }

    @Override
    public String toString() {
        return "RedisFixture[" + host + ":" + port + "]";
    }
}
