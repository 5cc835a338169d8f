package dev.switchboard.edge.provider;

import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Finds the adapter for a candidate's provider type. */
@Component
public class ProviderAdapters {

    private final Map<String, ProviderAdapter> byType = new HashMap<>();

    ProviderAdapters(List<ProviderAdapter> adapters) {
        for (ProviderAdapter adapter : adapters) {
            if (byType.put(adapter.providerType(), adapter) != null) {
                throw new IllegalStateException("Two adapters for provider type " + adapter.providerType());
            }
        }
    }

    public ProviderAdapter forCandidate(RouteCandidate candidate) {
        ProviderAdapter adapter = byType.get(candidate.providerType());
        if (adapter == null) {
            throw new GatewayException(502, "api_error", "provider_type_unsupported", null, "Provider '"
                    + candidate.providerId() + "' has type '" + candidate.providerType()
                    + "', which this gateway cannot call.", 0);
        }
        return adapter;
    }
}
