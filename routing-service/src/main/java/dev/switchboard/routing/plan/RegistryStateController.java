package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.RegistryState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What edges poll about once a second: the registry version (a change drops their cached plans) and the tag
 * keys enabled rules match on (the only tags worth putting into a plan request).
 */
@RestController
class RegistryStateController {

    private final RoutePlanner planner;

    RegistryStateController(RoutePlanner planner) {
        this.planner = planner;
    }

    @GetMapping("/internal/v1/registry/version")
    RegistryState state() {
        RegistrySnapshot registry = planner.registry();
        return new RegistryState(registry.version(), registry.tagKeys());
    }
}
