package dev.switchboard.routing.route;

import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RoutePlanRequest;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Builds the plan for a request: the direct-model route, else the alias route. Model and alias names never
 * overlap, so the order only decides which look-up runs first; direct names, the common case, need one.
 * Policy routes, A/B splits and team overrides will be tried here too and say so in {@code reason}.
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
        return directPlan(model)
                .or(() -> aliasPlan(model))
                // disabled and unknown read the same, so a caller cannot probe which models exist
                .orElseThrow(() -> ServiceException.notFound(
                        "The model '" + model + "' does not exist or you do not have access to it."));
    }

    private Optional<RoutePlan> directPlan(String model) {
        return repository.findEnabledModel(model)
                .map(found -> new RoutePlan(directRouteId(model), model, List.of(found.candidate()),
                        found.registryVersion(), DIRECT_MODEL_REASON));
    }

    private Optional<RoutePlan> aliasPlan(String alias) {
        return repository.findEnabledModelByAlias(alias)
                .map(found -> new RoutePlan(aliasRouteId(alias), alias, List.of(found.candidate()),
                        found.registryVersion(), aliasReason(alias, found.candidate().model())));
    }

    static String directRouteId(String model) {
        return "model:" + model;
    }

    static String aliasRouteId(String alias) {
        return "alias:" + alias;
    }

    static String aliasReason(String alias, String model) {
        return "alias " + alias + " -> " + model;
    }
}
