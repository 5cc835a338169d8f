package dev.switchboard.quota;

import dev.switchboard.testkit.server.FreePorts;
import dev.switchboard.testkit.server.RedisServerProcess;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A Redis of a test class's own, for tests that stop it: the shared one must stay up for other classes. */
public final class PrivateRedis {

    private PrivateRedis() {
    }

    /** Starts a Redis on a free port and points the service at it; the caller closes it after its class. */
    public static RedisServerProcess startFor(DynamicPropertyRegistry registry) {
        RedisServerProcess redis = RedisServerProcess.start(FreePorts.next());
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        return redis;
    }
}
