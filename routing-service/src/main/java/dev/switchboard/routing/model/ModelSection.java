package dev.switchboard.routing.model;

import dev.switchboard.routing.transfer.Change;
import dev.switchboard.routing.transfer.RegistrySection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Models in the registry file: {@code name} plus the PUT body, with every capability and the price in force.
 * Scheduled prices are not exported, and an import leaves them alone: the file's price carries no date, so it is
 * compared with (and, if different, replaces from now) the price in force, and the schedule still follows.
 */
@Component
class ModelSection implements RegistrySection<ModelRequest> {

    private final ModelAdministration administration;

    ModelSection(ModelAdministration administration) {
        this.administration = administration;
    }

    /** The PUT body that stores this model as it is, defaults spelled out so the file shows them. */
    static ModelRequest asRequest(Model model) {
        Price price = model.price();
        PriceRequest priceRequest = price == null ? null
                : new PriceRequest(price.inputPerMillion(), price.cachedInputPerMillion(), price.outputPerMillion(),
                        price.currency(), null);
        Capabilities capabilities = model.capabilities();
        return new ModelRequest(model.provider(), model.upstreamModel(), model.version(), model.maxOutputTokens(),
                model.enabled(), priceRequest, capabilities.contextWindow(), capabilities.supportsTools(),
                capabilities.supportsStructuredOutput(), capabilities.supportsVision(), capabilities.reasoningTier(),
                model.fallbacks(), capabilities.kind());
    }

    @Override
    public String name() {
        return "models";
    }

    @Override
    public String keyField() {
        return "name";
    }

    @Override
    public Class<ModelRequest> requestType() {
        return ModelRequest.class;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Map<String, ModelRequest> export() {
        Map<String, ModelRequest> entries = new LinkedHashMap<>();
        administration.list().forEach(model -> entries.put(model.name(), asRequest(model)));
        return entries;
    }

    @Override
    public void checkKey(String key) {
        ModelNames.fromPath(key);
    }

    @Override
    public Change apply(String key, ModelRequest request) {
        return administration.putIfChanged(key, request);
    }

    @Override
    public List<String> keys() {
        return administration.list().stream().map(Model::name).toList();
    }

    @Override
    public void delete(String key) {
        administration.remove(key);
    }
}
