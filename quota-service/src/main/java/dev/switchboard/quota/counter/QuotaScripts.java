package dev.switchboard.quota.counter;

import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts over quota counters; Spring sends each by its SHA and loads it once per Redis. */
public final class QuotaScripts {

    /** Checks and applies every limit and budget of one request: {@code redis/admit.lua}. */
    @SuppressWarnings("rawtypes")
    public static final RedisScript<List> ADMIT = RedisScript.of(new ClassPathResource("redis/admit.lua"), List.class);

    /** Returns a reservation: {@code redis/release.lua}. */
    public static final RedisScript<Long> RELEASE =
            RedisScript.of(new ClassPathResource("redis/release.lua"), Long.class);

    /** Settles a request from its usage event: {@code redis/settle.lua}. */
    public static final RedisScript<Long> SETTLE = RedisScript.of(new ClassPathResource("redis/settle.lua"), Long.class);

    private QuotaScripts() {
    }
}
