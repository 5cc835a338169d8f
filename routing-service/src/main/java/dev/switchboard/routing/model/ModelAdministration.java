package dev.switchboard.routing.model;

import dev.switchboard.routing.registry.RegistryReferences;
import dev.switchboard.routing.audit.AuditLog;
import dev.switchboard.routing.audit.EntityType;
import dev.switchboard.routing.registry.RegistryVersion;
import dev.switchboard.routing.transfer.Change;
import dev.switchboard.serviceweb.ServiceException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin changes to public models, their capabilities and prices; each one bumps the registry version and
 * writes its audit entry in its own transaction. A provider that does not exist is a 400 (a bad field of
 * the body), not a 404 (the addressed model is what the path names).
 */
@Service
class ModelAdministration {

    private final ModelRepository models;
    private final RegistryVersion registryVersion;
    private final AuditLog auditLog;
    private final RegistryReferences references;

    ModelAdministration(ModelRepository models, RegistryVersion registryVersion, AuditLog auditLog,
                        RegistryReferences references) {
        this.models = models;
        this.registryVersion = registryVersion;
        this.auditLog = auditLog;
        this.references = references;
    }

    @Transactional
    Model put(String name, ModelRequest request) {
        registryVersion.bump();
        return store(name, request, models.findByName(name).orElse(null));
    }

    /**
     * For an import, which bumps the version once for all its changes: writes and audits only a difference, so
     * re-importing an export adds no audit entry and no price version.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Change putIfChanged(String name, ModelRequest request) {
        Model before = models.findByName(name).orElse(null);
        if (before != null && ModelSection.asRequest(before).withoutPrice().equals(request.withDefaults(name).withoutPrice())
                && !isNewPrice(name, request)) {
            return Change.UNCHANGED;
        }
        store(name, request, before);
        return before == null ? Change.CREATED : Change.UPDATED;
    }

    private Model store(String name, ModelRequest request, Model before) {
        // clients send aliases and model names in the same "model" field, so one name cannot be both
        models.aliasTarget(name).ifPresent(target -> {
            throw ServiceException.conflict("'" + name + "' is an alias of model '" + target
                    + "'; a model cannot take an alias's name (delete the alias first)");
        });
        if (!models.providerExists(request.provider())) {
            throw ServiceException.invalid("provider: provider '" + request.provider()
                    + "' does not exist; create it with PUT /api/v1/providers/" + request.provider() + " first");
        }
        FallbackCheck.check(name, request.fallbacksOrNone(), references.fallbackGraph());
        boolean newPrice = isNewPrice(name, request);
        if (newPrice) {
            PriceSchedule.checkNotPast(request.price().effectiveFrom(), Instant.now());
        }
        models.upsert(name, request.provider(),
                request.upstreamModel() == null ? name : request.upstreamModel(),
                request.version(), request.maxOutputTokensOrDefault(), request.enabled() == null || request.enabled(),
                request.capabilities(), request.fallbacksOrNone());
        if (newPrice) {
            models.insertPrice(name, request.version(), request.price());
        }
        Model after = models.findByName(name).orElseThrow();
        auditLog.record(EntityType.MODEL, name, before, after);
        return after;
    }

    /**
     * Whether the request's price would add a history row. An identical PUT must not mint a new price version
     * (retried and scripted PUTs are common), so the price is compared with the row that would be in force at
     * its effective time anyway: re-sending a scheduled price, or the price in force, changes nothing, while
     * sending the scheduled price without a date (bring it forward to now) does.
     */
    private boolean isNewPrice(String name, ModelRequest request) {
        PriceRequest price = request.price();
        return price != null
                && !price.sameAs(models.priceAt(name, request.version(), price.effectiveFrom()).orElse(null));
    }

    @Transactional
    void delete(String name) {
        registryVersion.bump();
        remove(name);
    }

    /** Deletes and audits without bumping the version: the caller (REST or an import) has done that. */
    @Transactional(propagation = Propagation.MANDATORY)
    void remove(String name) {
        List<String> aliases = models.aliasesOf(name, 5);
        if (!aliases.isEmpty()) {
            throw ServiceException.conflict("model '" + name + "' is the target of aliases "
                    + String.join(", ", aliases) + (aliases.size() == 5 ? ", ..." : "")
                    + "; point them at another model or delete them first");
        }
        List<String> dependents = references.dependentsOf(name, 5);
        if (!dependents.isEmpty()) {
            throw ServiceException.conflict("model '" + name + "' is still used by "
                    + RegistryReferences.describe(dependents, 5) + "; change them first");
        }
        Model before = models.findByName(name).orElseThrow(() -> notFound(name));
        models.delete(name);
        auditLog.record(EntityType.MODEL, name, before, null);
    }

    @Transactional(readOnly = true)
    List<Model> list() {
        return models.findAll();
    }

    @Transactional(readOnly = true)
    Model get(String name) {
        return models.findByName(name).orElseThrow(() -> notFound(name));
    }

    private static ServiceException notFound(String name) {
        return ServiceException.notFound("model '" + name + "' does not exist");
    }
}
