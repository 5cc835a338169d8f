package dev.switchboard.routing.audit;

import dev.switchboard.serviceweb.audit.AuditLogTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records admin changes. MANDATORY propagation: an entry must commit or roll back with the change it
 * describes, so it may only be written inside that change's transaction.
 */
@Service
public class AuditLog {

    private final AuditLogTable entries;
    private final JsonMapper json;

    AuditLog(AuditLogTable entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /**
     * Records one change; the action follows from what is given: no {@code before} is a create, no
     * {@code after} a delete. Both are the admin representations, serialised by the same mapper as the API's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(EntityType type, String entityId, Object before, Object after) {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a before or an after");
        }
        String action = before == null ? "create" : after == null ? "delete" : "update";
        entries.insert(Actor.current(), action, type.wireName(), entityId, toJson(before), toJson(after));
    }

    private String toJson(Object entity) {
        if (entity == null) {
            return null;
        }
        JsonNode tree = SecretMasker.mask(json.valueToTree(entity));
        return json.writeValueAsString(tree);
    }
}
