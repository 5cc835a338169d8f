package dev.switchboard.serviceweb;

import java.util.Optional;

/**
 * Finds the principal of an admin API bearer token that belongs to no configured principal, such as a gateway key
 * allowed to manage keys. Optional: a service without such a bean accepts configured tokens only. Consulted only
 * after every configured token was compared, and an empty answer gets the same 401 as any unknown token.
 */
@FunctionalInterface
public interface BearerPrincipalResolver {

    /**
     * @param token the bearer token without {@code Bearer }; a secret, so never logged or echoed
     * @return the principal, which a service should give {@link Role#KEY} (configured roles come from configuration)
     */
    Optional<ApiPrincipal> resolve(String token);
}
