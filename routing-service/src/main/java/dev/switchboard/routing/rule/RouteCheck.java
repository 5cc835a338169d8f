package dev.switchboard.routing.rule;

import dev.switchboard.routing.model.ModelNames;
import dev.switchboard.routing.registry.FallbackGraph;
import dev.switchboard.routing.registry.FieldErrors;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a route rule that need the registry or span fields: which fields each strategy takes, and that
 * every name it serves from is a model or alias.
 */
final class RouteCheck {

    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG_VALUE = 256;

    private final FallbackGraph registry;
    private final FieldErrors errors = new FieldErrors();

    private RouteCheck(FallbackGraph registry) {
        this.registry = registry;
    }

    static void check(RouteDefinition route, FallbackGraph registry) {
        RouteCheck check = new RouteCheck(registry);
        check.match(route.match());
        check.strategyFields(route);
        check.names("pool", route.pool());
        check.names("fallbacks", route.fallbacks());
        if (route.target() != null) {
            for (int i = 0; i < route.fallbacks().size(); i++) {
                if (registry.resolve(route.fallbacks().get(i)).equals(registry.resolve(route.target()))) {
                    check.errors.add("fallbacks[" + i + "]", "'" + route.fallbacks().get(i)
                            + "' is the route's own target; failing over to it would form a cycle");
                }
            }
        }
        check.guardrails(route.guardrails());
        if (route.cache() != null && Boolean.FALSE.equals(route.cache().enabled()) && route.cache().ttlSeconds() != null) {
            check.errors.add("cache.ttlSeconds", "only with enabled true");
        }
        check.resilience(route.resilience());
        check.errors.throwIfAny();
    }

    /** Every model and alias the rule names, for the references that keep them from being deleted. */
    static Set<String> modelRefs(RouteDefinition route) {
        Set<String> refs = new LinkedHashSet<>();
        if (route.target() != null) {
            refs.add(route.target());
        }
        refs.addAll(route.pool());
        if (route.split() != null) {
            route.split().arms().forEach(arm -> refs.add(arm.target()));
        }
        refs.addAll(route.fallbacks());
        return refs;
    }

    private void match(RouteDefinition.Match match) {
        if (match.model() != null && !"*".equals(match.model()) && !ModelNames.isValid(match.model())) {
            errors.add("match.model", "must be * or a model or alias name");
        }
        if (match.tags().size() > MAX_TAGS) {
            errors.add("match.tags", "at most " + MAX_TAGS + " tags");
        }
        match.tags().forEach((key, value) -> {
            if (!TAG_KEY.matcher(key).matches()) {
                errors.add("match.tags." + key, "tag keys are 1 to 64 letters, digits, '.', '_' or '-'");
            } else if (value == null || value.isBlank() || value.length() > MAX_TAG_VALUE) {
                errors.add("match.tags." + key, "must be 1 to " + MAX_TAG_VALUE + " characters");
            }
        });
    }

    private void strategyFields(RouteDefinition route) {
        String strategy = route.strategy();
        boolean targeted = "model".equals(strategy) || "alias".equals(strategy);
        if (targeted) {
            target(strategy, route.target());
        } else if (route.target() != null) {
            errors.add("target", "only strategies model and alias take a target");
        }
        if (!route.pool().isEmpty() && !"cheapest".equals(strategy) && !"fastest".equals(strategy)) {
            errors.add("pool", "only strategies cheapest and fastest take a pool");
        }
        if ("split".equals(strategy) && route.split() == null) {
            errors.add("split", "strategy split needs arms");
        } else if (!"split".equals(strategy) && route.split() != null) {
            errors.add("split", "only strategy split takes arms");
        } else if (route.split() != null && route.split().arms() != null) {
            List<String> targets = route.split().arms().stream()
                    .map(arm -> arm == null ? null : arm.target()).toList();
            names("split.arms", targets, ".target");
        }
    }

    private void target(String strategy, String target) {
        if (target == null || target.isBlank()) {
            errors.add("target", "required for strategy " + strategy);
        } else if ("model".equals(strategy) && !registry.isModel(target)) {
            errors.add("target", registry.isAlias(target)
                    ? "'" + target + "' is an alias; use strategy alias" : "no such model '" + target + "'");
        } else if ("alias".equals(strategy) && !registry.isAlias(target)) {
            errors.add("target", registry.isModel(target)
                    ? "'" + target + "' is a model; use strategy model" : "no such alias '" + target + "'");
        }
    }

    private void names(String field, List<String> names) {
        names(field, names, "");
    }

    /** Each name must be a model or alias, and no model may come twice (aliases resolved). */
    private void names(String field, List<String> names, String suffix) {
        Map<String, Integer> firstIndexOfModel = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String path = field + "[" + i + "]" + suffix;
            if (name == null || name.isBlank()) {
                continue; // bean validation reports it
            }
            if (!registry.isModel(name) && !registry.isAlias(name)) {
                errors.add(path, "no such model or alias '" + name + "'");
                continue;
            }
            Integer earlier = firstIndexOfModel.putIfAbsent(registry.resolve(name), i);
            if (earlier != null) {
                errors.add(path, "'" + name + "' repeats " + field + "[" + earlier + "]");
            }
        }
    }

    /** A hedge is a second attempt, so a cap of one attempt would forbid the hedge it asks for. */
    private void resilience(RouteDefinition.Resilience resilience) {
        if (resilience != null && resilience.hedgeAfterMillis() != null
                && resilience.maxAttempts() != null && resilience.maxAttempts() < 2) {
            errors.add("resilience.hedgeAfterMillis", "hedging needs maxAttempts of at least 2");
        }
    }

    private void guardrails(List<String> guardrails) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < guardrails.size(); i++) {
            Integer earlier = first.putIfAbsent(guardrails.get(i), i);
            if (earlier != null) {
                errors.add("guardrails[" + i + "]", "repeats guardrails[" + earlier + "]");
            }
        }
    }
}
