package dev.switchboard.routing.alias;

import dev.switchboard.routing.registry.RegistryReferences;
import dev.switchboard.routing.model.ModelNames;
import dev.switchboard.routing.audit.AuditLog;
import dev.switchboard.routing.audit.EntityType;
import dev.switchboard.routing.registry.RegistryVersion;
import dev.switchboard.routing.transfer.Change;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin changes to aliases; each one bumps the registry version and writes its audit entry in its own
 * transaction. The bump comes first, so its row lock also makes the "no model has this name" check safe
 * against a concurrent model PUT.
 */
@Service
class AliasAdministration {

    private final AliasRepository aliases;
    private final RegistryVersion registryVersion;
    private final AuditLog auditLog;
    private final RegistryReferences references;

    AliasAdministration(AliasRepository aliases, RegistryVersion registryVersion, AuditLog auditLog,
                        RegistryReferences references) {
        this.aliases = aliases;
        this.registryVersion = registryVersion;
        this.auditLog = auditLog;
        this.references = references;
    }

    @Transactional
    Alias put(String name, AliasRequest request) {
        registryVersion.bump();
        return store(name, request, aliases.findByName(name).orElse(null));
    }

    /** For an import, which bumps the version once for all its changes: writes and audits only a difference. */
    @Transactional(propagation = Propagation.MANDATORY)
    Change putIfChanged(String name, AliasRequest request) {
        Alias before = aliases.findByName(name).orElse(null);
        if (before != null && before.model().equals(request.model())) {
            return Change.UNCHANGED;
        }
        store(name, request, before);
        return before == null ? Change.CREATED : Change.UPDATED;
    }

    private Alias store(String name, AliasRequest request, Alias before) {
        // the plan resolves a name as a model first; an alias with a model's name would never be reached
        if (aliases.modelExists(name)) {
            throw ServiceException.conflict("'" + name + "' is a model name; an alias cannot take it");
        }
        if (!aliases.modelExists(request.model())) {
            throw ServiceException.invalid("model: no such model '" + request.model() + "'");
        }
        // models may fall back to the alias, so repointing it can close a loop another change left open
        references.fallbackGraph().withAlias(name, request.model()).anyCycle().ifPresent(cycle -> {
            throw ServiceException.invalid("model: pointing '" + name + "' at '" + request.model()
                    + "' would form a fallback cycle " + String.join(" -> ", cycle));
        });
        Alias after = aliases.upsert(name, request.model());
        auditLog.record(EntityType.ALIAS, name, before, after);
        return after;
    }

    @Transactional
    void delete(String name) {
        registryVersion.bump();
        remove(name);
    }

    /** Deletes and audits without bumping the version: the caller (REST or an import) has done that. */
    @Transactional(propagation = Propagation.MANDATORY)
    void remove(String name) {
        Alias before = aliases.findByName(name).orElseThrow(() -> notFound(name));
        List<String> dependents = references.dependentsOf(name, 5);
        if (!dependents.isEmpty()) {
            throw ServiceException.conflict("alias '" + name + "' is still used by "
                    + RegistryReferences.describe(dependents, 5) + "; change them first");
        }
        aliases.delete(name);
        auditLog.record(EntityType.ALIAS, name, before, null);
    }

    @Transactional(readOnly = true)
    List<Alias> list() {
        return aliases.findAll();
    }

    @Transactional(readOnly = true)
    Alias get(String name) {
        return aliases.findByName(name).orElseThrow(() -> notFound(name));
    }

    /** The name from a {@code {*name}} path capture (which keeps its leading slash); same syntax as model names. */
    static String nameFromPath(String capture) {
        String name = capture.startsWith("/") ? capture.substring(1) : capture;
        if (!ModelNames.isValid(name)) {
            throw ServiceException.invalid("name: alias names are 1 to " + ModelNames.MAX_LENGTH
                    + " letters, digits, '.', '_', ':' or '-', optionally in '/'-separated segments");
        }
        return name;
    }

    private static ServiceException notFound(String name) {
        return ServiceException.notFound("alias '" + name + "' does not exist");
    }
}
