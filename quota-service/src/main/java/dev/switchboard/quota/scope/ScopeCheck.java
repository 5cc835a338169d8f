package dev.switchboard.quota.scope;

import dev.switchboard.quota.key.ApiKey;
import dev.switchboard.quota.key.ApiKeys;
import dev.switchboard.quota.team.Teams;
import dev.switchboard.serviceweb.ServiceException;
import org.springframework.stereotype.Component;

/** Refuses limits and budgets for a team or key that does not exist, with a 404 naming it. */
@Component
public class ScopeCheck {

    private final Teams teams;
    private final ApiKeys keys;

    ScopeCheck(Teams teams, ApiKeys keys) {
        this.teams = teams;
        this.keys = keys;
    }

    public Scope existing(String wireName) {
        Scope scope = Scope.parse(wireName, "scope");
        if (scope.teamId() != null && !teams.exists(scope.teamId())) {
            throw ServiceException.notFound("no team '" + scope.teamId() + "'");
        }
        if (scope.keyId() != null && keys.findById(scope.keyId()).isEmpty()) {
            throw ApiKey.notFound(scope.keyId());
        }
        return scope;
    }
}
