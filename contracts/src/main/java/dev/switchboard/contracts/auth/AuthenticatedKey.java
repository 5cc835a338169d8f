package dev.switchboard.contracts.auth;

import java.util.List;

/** An active gateway key and the team it belongs to. */
public record AuthenticatedKey(String keyId, String teamId, String keyName, List<String> scopes) {

    public AuthenticatedKey {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
