package dev.switchboard.quota.key;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.auth.KeyAuthenticationRequest;
import dev.switchboard.quota.policy.ScopePolicies;
import dev.switchboard.quota.team.Teams;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal API the edge calls to learn who owns a key; only the key's digest is sent. */
@RestController
class KeyAuthenticationController {

    private final ApiKeyService service;
    private final ScopePolicies policies;
    private final Teams teams;

    KeyAuthenticationController(ApiKeyService service, ScopePolicies policies, Teams teams) {
        this.service = service;
        this.policies = policies;
        this.teams = teams;
    }

    @PostMapping("/internal/v1/keys/authenticate")
    AuthenticatedKey authenticate(@RequestBody KeyAuthenticationRequest request) {
        AuthenticatedKey key = service.authenticate(request.keyHash());
        return new AuthenticatedKey(key.keyId(), key.teamId(), key.keyName(), key.scopes(),
                policies.metered(key.teamId(), key.keyId()), teams.logsPrompts(key.teamId()));
    }
}
