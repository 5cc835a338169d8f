package dev.switchboard.edge.provider;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Looks up provider keys by the reference the registry holds. Keys come only from this edge's environment:
 * environment variables, system properties, or mounted secret files imported with {@code configtree:}.
 * They are never logged, returned, or put in events.
 */
@Component
public class ProviderCredentials {

    private final Environment environment;

    ProviderCredentials(Environment environment) {
        this.environment = environment;
    }

    /** The key for the candidate's provider; empty when the provider needs none (e.g. a local Ollama). */
    public Optional<String> keyFor(RouteCandidate candidate) {
        String reference = candidate.credentialRef();
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String key = environment.getProperty(reference);
        if (key == null || key.isBlank()) {
            throw new GatewayException(503, "service_unavailable_error", "provider_not_configured", null,
                    "Provider '" + candidate.providerId() + "' has no credential configured at this gateway.", 0);
        }
        return Optional.of(key.trim());
    }
}
