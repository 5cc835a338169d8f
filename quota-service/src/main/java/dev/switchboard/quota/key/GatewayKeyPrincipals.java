package dev.switchboard.quota.key;

import dev.switchboard.serviceweb.ApiPrincipal;
import dev.switchboard.serviceweb.BearerPrincipalResolver;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lets a gateway key with {@code keys:write} call the admin API with itself as bearer token. The token is looked up
 * by its SHA-256 digest, as the edge does, so nothing secret is compared and the plaintext goes nowhere.
 */
@Component
class GatewayKeyPrincipals implements BearerPrincipalResolver {

    private final ApiKeys keys;

    GatewayKeyPrincipals(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Optional<ApiPrincipal> resolve(String token) {
        return keys.findByHash(KeyMaterial.sha256Hex(token))
                .filter(ApiKey::active)
                .filter(key -> key.scopes().contains(KeyScopes.KEYS_WRITE))
                .map(key -> ApiPrincipal.gatewayKey(key.id(), key.teamId()));
    }
}
