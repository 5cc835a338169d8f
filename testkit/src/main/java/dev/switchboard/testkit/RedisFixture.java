package dev.switchboard.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Redis server shared by every test in the JVM.
 */
public interface RedisFixture {

    String host();

    int port();

    /** Deletes every key; call it between test classes because the server is shared. */
    void flushAll();

    /** Points {@code spring.data.redis.host/port} at this server. */
    void register(DynamicPropertyRegistry registry);
}
