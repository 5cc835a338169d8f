package dev.switchboard.routing.rule;

import dev.switchboard.routing.audit.AuditLog;
import dev.switchboard.routing.audit.EntityType;
import dev.switchboard.routing.registry.RegistryReferences;
import dev.switchboard.routing.registry.RegistryVersion;
import dev.switchboard.routing.transfer.Change;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin changes to route rules; each one bumps the registry version (so edges drop their cached plans) and writes
 * its audit entry in its own transaction. A position another rule holds is a 409 naming that rule: two rules
 * at one position would leave the evaluation order undefined, and moving one is the admin's decision.
 */
@Service
class RouteAdministration {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final RouteRepository routes;
    private final RegistryVersion registryVersion;
    private final RegistryReferences references;
    private final AuditLog auditLog;

    RouteAdministration(RouteRepository routes, RegistryVersion registryVersion, RegistryReferences references,
                        AuditLog auditLog) {
        this.routes = routes;
        this.registryVersion = registryVersion;
        this.references = references;
        this.auditLog = auditLog;
    }

    @Transactional
    Route put(String name, RouteDefinition definition) {
        requireValidName(name);
        registryVersion.bump();
        RouteCheck.check(definition, references.fallbackGraph());
        routes.holderOfPosition(definition.position(), name).ifPresent(holder -> {
            throw ServiceException.conflict("position " + definition.position() + " is taken by route '" + holder
                    + "'; positions are unique, move one of them");
        });
        Route before = routes.findByName(name).orElse(null);
        Route after = routes.upsert(name, definition, RouteCheck.modelRefs(definition));
        auditLog.record(EntityType.ROUTE, name, before, after);
        return after;
    }

    /**
     * For an import, which bumps the version once for all its changes: writes and audits only a difference. Taken
     * positions are not refused here, since the file may be moving the holder too; {@link #requireUniquePositions}
     * runs once everything is applied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Change putIfChanged(String name, RouteDefinition definition) {
        requireValidName(name);
        RouteCheck.check(definition, references.fallbackGraph());
        Route before = routes.findByName(name).orElse(null);
        if (before != null && before.definition().equals(definition)) {
            return Change.UNCHANGED;
        }
        Route after = routes.upsert(name, definition, RouteCheck.modelRefs(definition));
        auditLog.record(EntityType.ROUTE, name, before, after);
        return before == null ? Change.CREATED : Change.UPDATED;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void requireUniquePositions() {
        List<String> clashes = routes.positionClashes();
        if (!clashes.isEmpty()) {
            throw ServiceException.conflict("routes: positions must be unique; " + String.join("; ", clashes));
        }
    }

    @Transactional
    void delete(String name) {
        requireValidName(name);
        registryVersion.bump();
        remove(name);
    }

    /** Deletes and audits without bumping the version: the caller (REST or an import) has done that. */
    @Transactional(propagation = Propagation.MANDATORY)
    void remove(String name) {
        Route before = routes.findByName(name).orElseThrow(() -> notFound(name));
        routes.delete(name);
        auditLog.record(EntityType.ROUTE, name, before, null);
    }

    @Transactional(readOnly = true)
    List<Route> list() {
        return routes.findAll();
    }

    @Transactional(readOnly = true)
    Route get(String name) {
        requireValidName(name);
        return routes.findByName(name).orElseThrow(() -> notFound(name));
    }

    static void requireValidName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ServiceException.invalid("name: route names are 1 to 63 lower-case letters, digits and '-', "
                    + "starting with a letter or digit");
        }
    }

    private static ServiceException notFound(String name) {
        return ServiceException.notFound("route '" + name + "' does not exist");
    }
}
