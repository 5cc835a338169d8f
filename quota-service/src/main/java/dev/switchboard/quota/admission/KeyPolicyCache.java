package dev.switchboard.quota.admission;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.quota.key.ApiKey;
import dev.switchboard.quota.key.ApiKeyRevoked;
import dev.switchboard.quota.key.ApiKeys;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keys' status and limits held in memory for a few seconds, so admission does not query Postgres on every
 * request. Unknown keys are cached too (as empty), so a stream of requests for a deleted key stays cheap.
 * A revocation on this instance evicts at once; one on another instance is seen when the entry expires.
 */
@Component
class KeyPolicyCache {

    private final LoadingCache<String, Optional<ApiKey>> cache;

    @Autowired
    KeyPolicyCache(ApiKeys keys, AdmissionProperties properties) {
        this(keys::findById, properties, Ticker.systemTicker());
    }

    KeyPolicyCache(Function<String, Optional<ApiKey>> loader, AdmissionProperties properties, Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.keyCacheTtl())
                .maximumSize(properties.keyCacheMaxSize())
                .ticker(ticker)
                .build(loader::apply);
    }

    Optional<ApiKey> find(String keyId) {
        return cache.get(keyId);
    }

    /** After commit: evicting earlier would let a concurrent admission reload and cache the still-active row. */
    @TransactionalEventListener(fallbackExecution = true)
    void onRevoked(ApiKeyRevoked event) {
        cache.invalidate(event.keyId());
    }
}
