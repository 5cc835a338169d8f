package dev.switchboard.quota.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.quota.key.ApiKey;
import dev.switchboard.quota.key.ApiKeyRevoked;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyPolicyCacheTests {

    final Map<String, ApiKey> database = new HashMap<>();
    final AtomicInteger loads = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    final Ticker ticker = nanos::get;
    final KeyPolicyCache cache = new KeyPolicyCache(id -> {
        loads.incrementAndGet();
        return Optional.ofNullable(database.get(id));
    }, new AdmissionProperties(false, Duration.ofSeconds(5), 1000), ticker);

    @Test
    void answersRepeatedLookupsFromMemory() {
        database.put("key_a", key("key_a", "active"));

        for (int i = 0; i < 100; i++) {
            assertThat(cache.find("key_a")).hasValueSatisfying(key -> assertThat(key.active()).isTrue());
        }

        assertThat(loads).hasValue(1);
    }

    @Test
    void reloadsOnceTheTtlHasPassed() {
        database.put("key_a", key("key_a", "active"));
        cache.find("key_a");
        database.put("key_a", key("key_a", "revoked"));

        nanos.addAndGet(Duration.ofMillis(4_900).toNanos());
        assertThat(cache.find("key_a").orElseThrow().active()).isTrue();

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(cache.find("key_a").orElseThrow().active()).isFalse();
        assertThat(loads).hasValue(2);
    }

    @Test
    void remembersUnknownKeysToo() {
        assertThat(cache.find("key_missing")).isEmpty();
        assertThat(cache.find("key_missing")).isEmpty();

        assertThat(loads).hasValue(1);
    }

    @Test
    void forgetsARevokedKeyAtOnce() {
        database.put("key_a", key("key_a", "active"));
        cache.find("key_a");
        database.put("key_a", key("key_a", "revoked"));

        cache.onRevoked(new ApiKeyRevoked("key_a"));

        assertThat(cache.find("key_a").orElseThrow().active()).isFalse();
    }

    private static ApiKey key(String id, String status) {
        return new ApiKey(id, "team", "name", "sb-0123456", status, 10, Instant.EPOCH,
                "revoked".equals(status) ? Instant.EPOCH : null, null, List.of(), Map.of(), null);
    }
}
