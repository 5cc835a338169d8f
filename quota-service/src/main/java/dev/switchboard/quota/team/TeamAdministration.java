package dev.switchboard.quota.team;

import dev.switchboard.quota.audit.AuditLog;
import dev.switchboard.quota.audit.CascadedDeletes;
import dev.switchboard.quota.audit.EntityType;
import dev.switchboard.quota.organisation.Organisations;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Admin changes to teams, each audited in its own transaction. */
@Service
class TeamAdministration {

    private final Teams teams;
    private final Organisations organisations;
    private final AuditLog auditLog;
    private final CascadedDeletes cascadedDeletes;

    TeamAdministration(Teams teams, Organisations organisations, AuditLog auditLog, CascadedDeletes cascadedDeletes) {
        this.teams = teams;
        this.organisations = organisations;
        this.auditLog = auditLog;
        this.cascadedDeletes = cascadedDeletes;
    }

    @Transactional
    Team create(CreateTeamRequest request) {
        requireOrganisation(request.organisationId());
        Team created = teams.create(request.id(), request.name().strip(), request.organisationId(),
                        Boolean.TRUE.equals(request.logPrompts()))
                .orElseThrow(() -> ServiceException.conflict("team '" + request.id() + "' already exists"));
        auditLog.record(EntityType.TEAM, created.id(), null, created);
        return created;
    }

    @Transactional
    Team update(String id, UpdateTeamRequest request) {
        Team before = get(id);
        requireOrganisation(request.organisationId());
        boolean logPrompts = request.logPrompts() == null ? before.logPrompts() : request.logPrompts();
        Team after = teams.update(id, request.name().strip(), request.organisationId(), logPrompts).orElseThrow();
        if (!after.equals(before)) {
            auditLog.record(EntityType.TEAM, id, before, after);
        }
        return after;
    }

    /** Changes only the fields the patch names; an explicit null organisation removes the team from it. */
    @Transactional
    Team patch(String id, JsonNode patch) {
        Team before = get(id);
        if (!patch.isObject()) {
            throw ServiceException.invalid("request body must be a JSON object");
        }
        for (String field : patch.propertyNames()) {
            if (!field.equals("name") && !field.equals("organisationId") && !field.equals("logPrompts")) {
                throw ServiceException.invalid(field + ": not a field of a team that can be changed");
            }
        }
        JsonNode name = patch.path("name");
        JsonNode organisation = patch.path("organisationId");
        if (!name.isMissingNode() && (!name.isString() || name.asString().isBlank() || name.asString().length() > 200)) {
            throw ServiceException.invalid("name: must be 1 to 200 characters");
        }
        if (!organisation.isMissingNode() && !organisation.isNull() && !organisation.isString()) {
            throw ServiceException.invalid("organisationId: must be an organisation id or null");
        }
        JsonNode logPrompts = patch.path("logPrompts");
        if (!logPrompts.isMissingNode() && !logPrompts.isBoolean()) {
            throw ServiceException.invalid("logPrompts: must be true or false");
        }
        return update(id, new UpdateTeamRequest(name.isMissingNode() ? before.name() : name.asString(),
                organisation.isMissingNode() ? before.organisationId()
                        : organisation.isNull() ? null : organisation.asString(),
                logPrompts.isMissingNode() ? null : logPrompts.booleanValue()));
    }

    /**
     * Refused while a key of the team still authenticates: deleting must not cut off a client by surprise. The
     * limits and budgets of the team and of its keys go with it, each audited as deleted.
     */
    @Transactional
    void delete(String id) {
        Team before = get(id);
        List<String> active = teams.activeKeys(id, 5);
        if (!active.isEmpty()) {
            throw ServiceException.conflict("team '" + id + "' still has active keys " + String.join(", ", active)
                    + (active.size() == 5 ? ", ..." : "") + "; revoke them first");
        }
        cascadedDeletes.recordForTeam(id);
        teams.delete(id);
        auditLog.record(EntityType.TEAM, id, before, null);
    }

    @Transactional(readOnly = true)
    List<Team> list() {
        return teams.findAll();
    }

    @Transactional(readOnly = true)
    Team get(String id) {
        return teams.findById(id).orElseThrow(() -> ServiceException.notFound("no team '" + id + "'"));
    }

    private void requireOrganisation(String organisationId) {
        if (organisationId != null && !organisations.exists(organisationId)) {
            throw ServiceException.invalid("organisationId: no organisation '" + organisationId + "'");
        }
    }
}
