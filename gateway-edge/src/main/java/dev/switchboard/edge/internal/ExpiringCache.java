package dev.switchboard.edge.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Caches answers of internal services for a short time so that, with warm caches, the hot path makes no call
 * for them. Concurrent misses for one key share one lookup. Bounded: past {@code maxEntries} it starts over,
 * which is cheap and keeps memory flat under key-spraying traffic.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(Mono<V> value, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ExpiringCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached value, or the loader's; a failed or empty load is not cached. */
    public Mono<V> get(K key, Function<K, Mono<V>> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.value();
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Mono<V> load = loader.apply(key)
                .doOnError(error -> entries.remove(key))
                .switchIfEmpty(Mono.fromRunnable(() -> entries.remove(key)))
                .cache();
        entries.put(key, new Entry<>(load, now + ttlNanos));
        return load;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }
}
