package dev.switchboard.routing.provider;

import dev.switchboard.routing.audit.AuditLog;
import dev.switchboard.routing.audit.EntityType;
import dev.switchboard.routing.registry.RegistryVersion;
import dev.switchboard.routing.transfer.Change;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin changes to provider deployments; each one bumps the registry version and writes its audit entry in
 * its own transaction.
 */
@Service
class ProviderAdministration {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final ProviderRepository providers;
    private final RegistryVersion registryVersion;
    private final AuditLog auditLog;

    ProviderAdministration(ProviderRepository providers, RegistryVersion registryVersion, AuditLog auditLog) {
        this.providers = providers;
        this.registryVersion = registryVersion;
        this.auditLog = auditLog;
    }

    @Transactional
    Provider put(String id, ProviderRequest request) {
        requireValidId(id);
        registryVersion.bump();
        return store(id, request, providers.findById(id).orElse(null));
    }

    /** For an import, which bumps the version once for all its changes: writes and audits only a difference. */
    @Transactional(propagation = Propagation.MANDATORY)
    Change putIfChanged(String id, ProviderRequest request) {
        requireValidId(id);
        Provider before = providers.findById(id).orElse(null);
        if (before != null && ProviderSection.asRequest(before).equals(normalised(request))) {
            return Change.UNCHANGED;
        }
        store(id, request, before);
        return before == null ? Change.CREATED : Change.UPDATED;
    }

    private Provider store(String id, ProviderRequest request, Provider before) {
        Provider after = providers.upsert(id, request.type(), withoutTrailingSlash(request.baseUrl()),
                request.credentialRef(), request.enabledOrDefault(), TimeoutsRequest.toTimeouts(request.timeouts()));
        auditLog.record(EntityType.PROVIDER, id, before, after);
        return after;
    }

    private static ProviderRequest normalised(ProviderRequest request) {
        return new ProviderRequest(request.type(), withoutTrailingSlash(request.baseUrl()), request.credentialRef(),
                request.enabledOrDefault(), TimeoutsRequest.fromTimeouts(TimeoutsRequest.toTimeouts(request.timeouts())));
    }

    @Transactional
    void delete(String id) {
        requireValidId(id);
        registryVersion.bump();
        remove(id);
    }

    /** Deletes and audits without bumping the version: the caller (REST or an import) has done that. */
    @Transactional(propagation = Propagation.MANDATORY)
    void remove(String id) {
        List<String> models = providers.modelsUsing(id, 5);
        if (!models.isEmpty()) {
            throw ServiceException.conflict("provider '" + id + "' still serves models " + String.join(", ", models)
                    + (models.size() == 5 ? ", ..." : "") + "; delete them or move them to another provider first");
        }
        Provider before = providers.findById(id).orElseThrow(() -> notFound(id));
        providers.delete(id);
        auditLog.record(EntityType.PROVIDER, id, before, null);
    }

    @Transactional(readOnly = true)
    List<Provider> list() {
        return providers.findAll();
    }

    @Transactional(readOnly = true)
    Provider get(String id) {
        return providers.findById(id).orElseThrow(() -> notFound(id));
    }

    static void requireValidId(String id) {
        if (!ID.matcher(id).matches()) {
            throw ServiceException.invalid("id: provider ids are 1 to 63 lower-case letters, digits and '-', "
                    + "starting with a letter or digit");
        }
    }

    /** The edge appends paths such as {@code /chat/completions}; a trailing slash would double it. */
    static String withoutTrailingSlash(String baseUrl) {
        String url = baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("provider '" + id + "' does not exist");
    }
}
