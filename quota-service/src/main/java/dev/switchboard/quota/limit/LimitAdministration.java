package dev.switchboard.quota.limit;

import dev.switchboard.quota.audit.AuditLog;
import dev.switchboard.quota.audit.EntityType;
import dev.switchboard.quota.policy.ScopePolicyChanged;
import dev.switchboard.quota.scope.Scope;
import dev.switchboard.quota.scope.ScopeCheck;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin changes to limits, each audited in its own transaction under the id {@code <scope>} or
 * {@code <scope>/<model>} (scopes never contain a slash, so the first one separates).
 */
@Service
class LimitAdministration {

    private final Limits limits;
    private final ScopeCheck scopes;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    LimitAdministration(Limits limits, ScopeCheck scopes, AuditLog auditLog,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.limits = limits;
        this.scopes = scopes;
        this.auditLog = auditLog;
    }

    @Transactional
    Limit put(String scopeName, String model, LimitRequest request) {
        Scope scope = scopes.existing(scopeName);
        requireValidModel(model);
        if (request.empty()) {
            throw ServiceException.invalid("requestsPerMinute: give at least one of requestsPerMinute, "
                    + "tokensPerMinute, maxConcurrent, maxOutputTokens (DELETE removes a scope's limits)");
        }
        Limit before = limits.find(scope, model).orElse(null);
        Limit after = limits.upsert(scope, model, request);
        auditLog.record(EntityType.LIMIT, auditId(scope, model), before, after);
        events.publishEvent(new ScopePolicyChanged(scope));
        return after;
    }

    @Transactional
    void delete(String scopeName, String model) {
        // an unknown scope answers like an unknown key or team, never echoing what was sent
        Scope scope = scopes.existing(scopeName);
        Limit before = limits.find(scope, model).orElseThrow(() -> notFound(scope, model));
        limits.delete(scope, model);
        auditLog.record(EntityType.LIMIT, auditId(scope, model), before, null);
        events.publishEvent(new ScopePolicyChanged(scope));
    }

    @Transactional(readOnly = true)
    Limit get(String scopeName, String model) {
        // an unknown scope answers like an unknown key or team, never echoing what was sent
        Scope scope = scopes.existing(scopeName);
        return limits.find(scope, model).orElseThrow(() -> notFound(scope, model));
    }

    @Transactional(readOnly = true)
    List<Limit> list(String scopeName) {
        return limits.list(scopeName == null ? null : Scope.parse(scopeName, "scope"));
    }

    private static void requireValidModel(String model) {
        if (model != null && (model.isBlank() || model.length() > 200)) {
            throw ServiceException.invalid("model: must be 1 to 200 characters, or absent for every model");
        }
    }

    private static String auditId(Scope scope, String model) {
        return model == null ? scope.wireName() : scope.wireName() + "/" + model;
    }

    private static ServiceException notFound(Scope scope, String model) {
        return ServiceException.notFound("no limits for " + scope + (model == null ? "" : " and model '" + model + "'"));
    }
}
