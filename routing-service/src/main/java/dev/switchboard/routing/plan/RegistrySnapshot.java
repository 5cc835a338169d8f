package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.ModelCapabilities;
import dev.switchboard.contracts.routing.ModelPrice;
import dev.switchboard.contracts.routing.ProviderTimeouts;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.routing.rule.RouteRule;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The whole registry at one version, immutable, so a plan is computed from memory without SQL and never mixes
 * two versions. The registry is small (tens of providers, hundreds of models), so holding it all is cheap.
 *
 * @param models  every model, disabled ones too, so plans can say why they were passed over
 * @param aliases alias name to model name
 * @param rules   the enabled route rules in evaluation order
 */
record RegistrySnapshot(long version, Map<String, ProviderFacts> providers, Map<String, ModelFacts> models,
                        Map<String, String> aliases, List<RouteRule> rules) {

    RegistrySnapshot {
        providers = Map.copyOf(providers);
        models = Map.copyOf(models);
        aliases = Map.copyOf(aliases);
        rules = List.copyOf(rules);
    }

    /** The model a name stands for: the alias's target, or the name itself. */
    String resolve(String name) {
        return aliases.getOrDefault(name, name);
    }

    /** The metadata keys that enabled rules match on, sorted; edges send only these tags. */
    List<String> tagKeys() {
        TreeSet<String> keys = new TreeSet<>();
        rules.forEach(rule -> keys.addAll(rule.definition().match().tags().keySet()));
        return List.copyOf(keys);
    }

    RouteCandidate candidate(ModelFacts model) {
        ProviderFacts provider = providers.get(model.providerId());
        return new RouteCandidate(provider.id(), provider.type(), provider.baseUrl(), provider.credentialRef(),
                model.name(), model.upstreamModel(), model.version(), model.price(), model.capabilities(),
                provider.timeouts());
    }

    record ProviderFacts(String id, String type, String baseUrl, String credentialRef, boolean enabled,
                         ProviderTimeouts timeouts) {
    }

    /**
     * @param price the price in force, or null
     * @param kind  {@code chat} or {@code embedding}, the {@link dev.switchboard.contracts.routing.RoutePlanRequest}
     *              operation it serves
     */
    record ModelFacts(String name, String providerId, String upstreamModel, String version, boolean enabled,
                      ModelCapabilities capabilities, ModelPrice price, List<String> fallbacks, String kind) {

        String deploymentId() {
            return RouteCandidate.deploymentId(providerId, upstreamModel);
        }
    }
}
