package dev.switchboard.contracts.auth;

import java.util.List;

/**
 * An active gateway key and the team it belongs to.
 *
 * @param scopes     what the key may do beyond calling models, e.g. {@code keys:write} (self-service keys)
 * @param metered    true when a token-per-minute limit or a token or money budget covers the key (at key, team or
 *                   global scope): the edge then counts the prompt's tokens for admission to reserve
 * @param logPrompts true when the key's team opted in to prompt logging: the edge then logs its requests' prompts
 *                   and responses, redacted
 */
public record AuthenticatedKey(String keyId, String teamId, String keyName, List<String> scopes, boolean metered,
                               boolean logPrompts) {

    public AuthenticatedKey {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public AuthenticatedKey(String keyId, String teamId, String keyName, List<String> scopes, boolean metered) {
        this(keyId, teamId, keyName, scopes, metered, false);
    }

    public AuthenticatedKey(String keyId, String teamId, String keyName, List<String> scopes) {
        this(keyId, teamId, keyName, scopes, false, false);
    }
}
