package dev.switchboard.routing.alias;

import dev.switchboard.routing.transfer.Change;
import dev.switchboard.routing.transfer.RegistrySection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Aliases in the registry file: {@code name} and the model it points at. */
@Component
class AliasSection implements RegistrySection<AliasRequest> {

    private final AliasAdministration administration;

    AliasSection(AliasAdministration administration) {
        this.administration = administration;
    }

    @Override
    public String name() {
        return "aliases";
    }

    @Override
    public String keyField() {
        return "name";
    }

    @Override
    public Class<AliasRequest> requestType() {
        return AliasRequest.class;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Map<String, AliasRequest> export() {
        Map<String, AliasRequest> entries = new LinkedHashMap<>();
        administration.list().forEach(alias -> entries.put(alias.name(), new AliasRequest(alias.model())));
        return entries;
    }

    @Override
    public void checkKey(String key) {
        AliasAdministration.nameFromPath(key);
    }

    @Override
    public Change apply(String key, AliasRequest request) {
        return administration.putIfChanged(key, request);
    }

    @Override
    public List<String> keys() {
        return administration.list().stream().map(Alias::name).toList();
    }

    @Override
    public void delete(String key) {
        administration.remove(key);
    }
}
