package dev.switchboard.routing.model;

import dev.switchboard.routing.registry.FallbackGraph;
import dev.switchboard.routing.registry.FieldErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a model's fallback list against the registry: every name a model or alias, not the model itself, no
 * model twice (aliases resolved), and no cycle through other models' fallbacks.
 */
final class FallbackCheck {

    private FallbackCheck() {
    }

    static void check(String model, List<String> fallbacks, FallbackGraph registry) {
        FallbackGraph graph = registry.withFallbacks(model, fallbacks);
        FieldErrors errors = new FieldErrors();
        Map<String, Integer> firstIndexOfModel = new HashMap<>();
        for (int i = 0; i < fallbacks.size(); i++) {
            String name = fallbacks.get(i);
            String field = "fallbacks[" + i + "]";
            String target = graph.resolve(name);
            Integer earlier = firstIndexOfModel.putIfAbsent(target, i);
            if (!ModelNames.isValid(name)) {
                errors.add(field, "'" + name + "' is not a valid model or alias name");
            } else if (!graph.isModel(name) && !graph.isAlias(name)) {
                errors.add(field, "no such model or alias '" + name + "'");
            } else if (target.equals(model)) {
                errors.add(field, "'" + name + "' is the model itself");
            } else if (earlier != null) {
                errors.add(field, "'" + name + "' repeats fallbacks[" + earlier + "] (model " + target + ")");
            } else {
                graph.path(target, model).ifPresent(path -> errors.add(field,
                        "'" + name + "' would form a cycle " + model + " -> " + String.join(" -> ", path)));
            }
        }
        errors.throwIfAny();
    }
}
