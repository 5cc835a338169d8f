package dev.switchboard.quota.counter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Opens the Redis connection and loads the quota scripts before the service reports ready. Otherwise the first
 * admission pays for both and, on a busy machine, can outlast the edge's internal timeout. Loading writes no key.
 * Redis being down at startup is not fatal: admissions fail closed until it returns.
 */
@Component
class ScriptWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScriptWarmUp.class);

    private final StringRedisTemplate redis;

    ScriptWarmUp(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            for (RedisScript<?> script : List.of(QuotaScripts.ADMIT, QuotaScripts.RELEASE, QuotaScripts.SETTLE)) {
                byte[] source = script.getScriptAsString().getBytes(StandardCharsets.UTF_8);
                redis.execute((RedisCallback<String>) (RedisConnection connection) ->
                        connection.scriptingCommands().scriptLoad(source));
            }
        } catch (DataAccessException e) {
            log.warn("Redis is not reachable at startup; admissions fail closed until it is: {}", e.getMessage());
        }
    }
}
