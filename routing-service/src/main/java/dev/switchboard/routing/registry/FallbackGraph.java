package dev.switchboard.routing.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The models' fallback lists with aliases resolved to their models, to refuse a change that would let failover
 * go round in circles. The stored graph is acyclic; a change is checked on a copy with the change applied.
 */
public final class FallbackGraph {

    private final Map<String, List<String>> fallbacks;
    private final Map<String, String> aliases;

    public FallbackGraph(Map<String, List<String>> fallbacks, Map<String, String> aliases) {
        this.fallbacks = Map.copyOf(fallbacks);
        this.aliases = Map.copyOf(aliases);
    }

    public FallbackGraph withFallbacks(String model, List<String> names) {
        Map<String, List<String>> changed = new HashMap<>(fallbacks);
        changed.put(model, List.copyOf(names));
        return new FallbackGraph(changed, aliases);
    }

    public FallbackGraph withAlias(String alias, String model) {
        Map<String, String> changed = new HashMap<>(aliases);
        changed.put(alias, model);
        return new FallbackGraph(fallbacks, changed);
    }

    public boolean isModel(String name) {
        return fallbacks.containsKey(name);
    }

    public boolean isAlias(String name) {
        return aliases.containsKey(name);
    }

    /** The model a name stands for: the alias's target, or the name itself. */
    public String resolve(String name) {
        return aliases.getOrDefault(name, name);
    }

    /** The models failover would pass through from {@code from} to {@code to}, both included, if it can get there. */
    public Optional<List<String>> path(String from, String to) {
        List<String> path = new ArrayList<>();
        return search(from, to, path, new HashSet<>()) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Some cycle in the graph, as a path that starts and ends with the same model. Models are tried in name order,
     * so the same registry always reports the same cycle (the maps' own order changes from run to run).
     */
    public Optional<List<String>> anyCycle() {
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(fallbacks).entrySet()) {
            for (String next : entry.getValue()) {
                Optional<List<String>> back = path(resolve(next), entry.getKey());
                if (back.isPresent()) {
                    List<String> cycle = new ArrayList<>();
                    cycle.add(entry.getKey());
                    cycle.addAll(back.get());
                    return Optional.of(cycle);
                }
            }
        }
        return Optional.empty();
    }

    private boolean search(String at, String to, List<String> path, Set<String> visited) {
        path.add(at);
        if (at.equals(to)) {
            return true;
        }
        if (visited.add(at)) {
            for (String next : fallbacks.getOrDefault(at, List.of())) {
                if (search(resolve(next), to, path, visited)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}
