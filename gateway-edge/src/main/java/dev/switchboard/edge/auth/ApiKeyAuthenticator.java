package dev.switchboard.edge.auth;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.auth.KeyAuthenticationRequest;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.internal.ExpiringCache;
import dev.switchboard.edge.internal.InternalServiceClient;
import dev.switchboard.edge.internal.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Resolves a gateway key to its team through quota-service, caching the answer for a few seconds. */
@Component
public class ApiKeyAuthenticator {

    private final InternalServiceClient quota;
    private final ExpiringCache<String, AuthenticatedKey> cache;

    ApiKeyAuthenticator(@Qualifier("quotaServiceClient") InternalServiceClient quota, AuthProperties properties) {
        this.quota = quota;
        this.cache = new ExpiringCache<>(properties.cacheTtl(), properties.cacheSize());
    }

    public Mono<AuthenticatedKey> authenticate(String apiKey) {
        return cache.get(KeyHasher.sha256Hex(apiKey), this::lookUp);
    }

    /** Forgets a key at once, e.g. when admission reports it revoked. */
    public void forget(String apiKey) {
        cache.invalidate(KeyHasher.sha256Hex(apiKey));
    }

    private Mono<AuthenticatedKey> lookUp(String keyHash) {
        return quota.post("/internal/v1/keys/authenticate", new KeyAuthenticationRequest(keyHash),
                        AuthenticatedKey.class)
                .onErrorMap(ServiceUnavailableException.class,
                        e -> GatewayException.unavailable("Authentication is temporarily unavailable."))
                .map(response -> {
                    if (response.ok()) {
                        return response.body();
                    }
                    if (response.status() == 401 || response.status() == 400) {
                        throw GatewayException.invalidApiKey();
                    }
                    throw GatewayException.unavailable("Authentication is temporarily unavailable.");
                });
    }
}
