package dev.switchboard.routing.route;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Builds the plan for a request. Today every plan is the direct-model route; aliases, policy routes,
 * A/B splits and team overrides will be tried before it and say so in {@code reason}.
 */
@Service
class RoutePlanner {

    static final String DIRECT_MODEL_REASON = "explicit model";

    private final RoutePlanRepository repository;

    RoutePlanner(RoutePlanRepository repository) {
        this.repository = repository;
    }

    RoutePlan plan(RoutePlanRequest request) {
        String model = request.model();
        if (model == null || model.isBlank()) {
            throw ServiceException.invalid("model: must not be blank");
        }
        return repository.findEnabledModel(model)
                .map(found -> new RoutePlan(directRouteId(model), model, List.of(found.candidate()),
                        found.registryVersion(), DIRECT_MODEL_REASON))
                // disabled and unknown read the same, so a caller cannot probe which models exist
                .orElseThrow(() -> ServiceException.notFound(
                        "The model '" + model + "' does not exist or you do not have access to it."));
    }

    static String directRouteId(String model) {
        return "model:" + model;
    }
}
