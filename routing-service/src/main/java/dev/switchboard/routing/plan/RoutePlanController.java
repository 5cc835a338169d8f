package dev.switchboard.routing.plan;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal API the edge asks for route plans (guarded by the service token). */
@RestController
class RoutePlanController {

    private final RoutePlanner planner;

    RoutePlanController(RoutePlanner planner) {
        this.planner = planner;
    }

    @PostMapping("/internal/v1/route-plans")
    RoutePlan plan(@RequestBody RoutePlanRequest request) {
        return planner.plan(request);
    }
}
