package dev.switchboard.quota.key;

import dev.switchboard.serviceweb.ApiPrincipal;
import dev.switchboard.serviceweb.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a gateway key calling the admin API ({@code keys:write}) may do to keys: only its own team's, whose other
 * teams' keys it cannot even see (404, as if they did not exist), and never give a key more rights than its own.
 * Configured principals pass every check unchanged; their role was already checked per handler.
 */
@Component
class SelfServiceRights {

    private final ApiKeys keys;

    SelfServiceRights(ApiKeys keys) {
        this.keys = keys;
    }

    /** 404 for a team other than the calling key's, the answer a team that does not exist gets. */
    void requireOwnTeam(String teamId) {
        callingKey().filter(caller -> !caller.teamId().equals(teamId)).ifPresent(caller -> {
            throw ServiceException.notFound("no team '" + teamId + "'");
        });
    }

    /** 404 for a key of another team, the answer a key that does not exist gets. */
    void requireOwnKey(ApiKey key) {
        callingKey().filter(caller -> !caller.teamId().equals(key.teamId())).ifPresent(caller -> {
            throw ApiKey.notFound(key.id());
        });
    }

    /** 403 naming every right the new key would have beyond the calling key's. */
    void requireNoWider(NewKey key) {
        Optional<ApiKey> calling = callingKey();
        if (calling.isEmpty()) {
            return;
        }
        ApiKey caller = calling.get();
        List<String> widened = new ArrayList<>();
        if (!caller.allowedModels().isEmpty()
                && (key.allowedModels().isEmpty() || !caller.allowedModels().containsAll(key.allowedModels()))) {
            widened.add("allowedModels (must be some of its own allowed models)");
        }
        if (caller.expiresAt() != null && (key.expiresAt() == null || key.expiresAt().isAfter(caller.expiresAt()))) {
            widened.add("expiry (must expire no later than itself)");
        }
        if (caller.requestsPerMinute() != null
                && (key.requestsPerMinute() == null || key.requestsPerMinute() > caller.requestsPerMinute())) {
            widened.add("requestsPerMinute (must be set, at most its own)");
        }
        if (!caller.scopes().containsAll(key.scopes())) {
            widened.add("scopes (must be some of its own scopes)");
        }
        if (keys.hasKeyScopedLimitsOrBudgets(caller.id())) {
            widened.add("limits and budgets (those set on the key itself would not bind the new key; ask an admin)");
        }
        if (!widened.isEmpty()) {
            throw new ServiceException(HttpStatus.FORBIDDEN, "permission", "principal 'key:" + caller.id()
                    + "' may not give a key more rights than its own; it would widen " + String.join(", ", widened));
        }
    }

    /**
     * The key behind a gateway key principal, read again so that the checks use its rights as they are now; a key
     * revoked or expired since the request was authenticated is refused.
     */
    private Optional<ApiKey> callingKey() {
        return ApiPrincipal.current().filter(ApiPrincipal::isGatewayKey).map(principal -> keys
                .findById(principal.keyId()).filter(ApiKey::active)
                .orElseThrow(() -> new ServiceException(HttpStatus.FORBIDDEN, "permission",
                        "principal '" + principal.name() + "' is no longer an active key")));
    }
}
