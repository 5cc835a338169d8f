package dev.switchboard.routing.rule;

import dev.switchboard.routing.transfer.Change;
import dev.switchboard.routing.transfer.RegistrySection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Route rules in the registry file: {@code name} plus the PUT body, in evaluation order. */
@Component
class RouteSection implements RegistrySection<RouteDefinition> {

    private final RouteAdministration administration;

    RouteSection(RouteAdministration administration) {
        this.administration = administration;
    }

    @Override
    public String name() {
        return "routes";
    }

    @Override
    public String keyField() {
        return "name";
    }

    @Override
    public Class<RouteDefinition> requestType() {
        return RouteDefinition.class;
    }

    /** After aliases: rules name models and aliases. */
    @Override
    public int order() {
        return 400;
    }

    @Override
    public Map<String, RouteDefinition> export() {
        Map<String, RouteDefinition> entries = new LinkedHashMap<>();
        administration.list().forEach(route -> entries.put(route.name(), route.definition()));
        return entries;
    }

    @Override
    public void checkKey(String key) {
        RouteAdministration.requireValidName(key);
    }

    @Override
    public Change apply(String key, RouteDefinition request) {
        return administration.putIfChanged(key, request);
    }

    @Override
    public List<String> keys() {
        return administration.list().stream().map(Route::name).toList();
    }

    @Override
    public void delete(String key) {
        administration.remove(key);
    }

    @Override
    public void checkWhole() {
        administration.requireUniquePositions();
    }
}
