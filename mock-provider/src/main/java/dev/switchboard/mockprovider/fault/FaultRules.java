package dev.switchboard.mockprovider.fault;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-model fault rules, set from tests or through {@code PUT /_mock/faults/{model}}.
 *
 * <p>A rule with {@code times=n} is consumed by the next n requests for that model and then removed, so a retry or
 * failover test can make only the first attempt fail.
 */
public final class FaultRules {

    private final ConcurrentHashMap<String, Fault> rules = new ConcurrentHashMap<>();

    public void set(String model, Fault fault) {
        rules.put(model, fault);
    }

    /** Sets a rule from the header syntax, e.g. {@code set("gpt-4o", "status=503;times=1")}. */
    public void set(String model, String spec) {
        set(model, Fault.parse(spec));
    }

    public void clear(String model) {
        rules.remove(model);
    }

    public void clear() {
        rules.clear();
    }

    /** Current rules, sorted by model. */
    public Map<String, Fault> rules() {
        return new TreeMap<>(rules);
    }

    /** The rule for a model, counting this request against its {@code times} budget. */
    public Optional<Fault> take(String model) {
        if (model == null) {
            return Optional.empty();
        }
        Fault[] taken = new Fault[1];
        // compute() makes check-and-decrement atomic when concurrent requests race for the last use
        rules.computeIfPresent(model, (m, rule) -> {
            taken[0] = rule;
            if (rule.times() == null) {
                return rule;
            }
            return rule.times() > 1 ? rule.withTimes(rule.times() - 1) : null;
        });
        return Optional.ofNullable(taken[0]);
    }
}
