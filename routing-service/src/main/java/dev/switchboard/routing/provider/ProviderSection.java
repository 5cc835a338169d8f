package dev.switchboard.routing.provider;

import dev.switchboard.routing.transfer.Change;
import dev.switchboard.routing.transfer.RegistrySection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Providers in the registry file: {@code id} plus the PUT body; only the credential's name, never a key. */
@Component
class ProviderSection implements RegistrySection<ProviderRequest> {

    private final ProviderAdministration administration;

    ProviderSection(ProviderAdministration administration) {
        this.administration = administration;
    }

    static ProviderRequest asRequest(Provider provider) {
        return new ProviderRequest(provider.type(), provider.baseUrl(), provider.credentialRef(), provider.enabled(),
                TimeoutsRequest.fromTimeouts(provider.timeouts()));
    }

    @Override
    public String name() {
        return "providers";
    }

    @Override
    public String keyField() {
        return "id";
    }

    @Override
    public Class<ProviderRequest> requestType() {
        return ProviderRequest.class;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Map<String, ProviderRequest> export() {
        Map<String, ProviderRequest> entries = new LinkedHashMap<>();
        administration.list().forEach(provider -> entries.put(provider.id(), asRequest(provider)));
        return entries;
    }

    @Override
    public void checkKey(String key) {
        ProviderAdministration.requireValidId(key);
    }

    @Override
    public Change apply(String key, ProviderRequest request) {
        return administration.putIfChanged(key, request);
    }

    @Override
    public List<String> keys() {
        return administration.list().stream().map(Provider::id).toList();
    }

    @Override
    public void delete(String key) {
        administration.remove(key);
    }
}
