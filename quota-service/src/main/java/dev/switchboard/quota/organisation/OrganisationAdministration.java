package dev.switchboard.quota.organisation;

import dev.switchboard.quota.audit.AuditLog;
import dev.switchboard.quota.audit.EntityType;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin changes to organisations, each audited in its own transaction. */
@Service
class OrganisationAdministration {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Organisations organisations;
    private final AuditLog auditLog;

    OrganisationAdministration(Organisations organisations, AuditLog auditLog) {
        this.organisations = organisations;
        this.auditLog = auditLog;
    }

    @Transactional
    Organisation put(String id, OrganisationRequest request) {
        if (!ID.matcher(id).matches()) {
            throw ServiceException.invalid("id: must be 1-63 lowercase letters, digits or '-', starting with a letter or digit");
        }
        Organisation before = organisations.findById(id).orElse(null);
        Organisation after = organisations.upsert(id, request.name().strip());
        if (!after.equals(before)) {
            auditLog.record(EntityType.ORGANISATION, id, before, after);
        }
        return after;
    }

    /** Only an organisation without teams goes, and no limit or budget hangs on one, so nothing cascades. */
    @Transactional
    void delete(String id) {
        Organisation before = get(id);
        List<String> teams = organisations.teamsOf(id, 5);
        if (!teams.isEmpty()) {
            throw ServiceException.conflict("organisation '" + id + "' still has teams " + String.join(", ", teams)
                    + (teams.size() == 5 ? ", ..." : "") + "; move or delete them first");
        }
        organisations.delete(id);
        auditLog.record(EntityType.ORGANISATION, id, before, null);
    }

    @Transactional(readOnly = true)
    List<Organisation> list() {
        return organisations.findAll();
    }

    @Transactional(readOnly = true)
    Organisation get(String id) {
        return organisations.findById(id)
                .orElseThrow(() -> ServiceException.notFound("organisation '" + id + "' does not exist"));
    }
}
