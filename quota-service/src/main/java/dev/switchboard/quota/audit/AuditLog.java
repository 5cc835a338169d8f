package dev.switchboard.quota.audit;

import dev.switchboard.serviceweb.ApiPrincipal;
import dev.switchboard.serviceweb.audit.AuditLogTable;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records admin changes. MANDATORY propagation: an entry commits or rolls back with the change it describes.
 * The actor is the authenticated principal's name; work outside a request is recorded as {@value #SYSTEM}.
 */
@Service
public class AuditLog {

    static final String SYSTEM = "system";
    static final String MASK = "****";

    /** Entities are audited in their admin shape, which holds no secret; this guards against one being added. */
    private static final Set<String> SECRET_FIELDS = Set.of("key", "keyhash", "hash", "secret", "token", "plaintext");

    private final AuditLogTable entries;
    private final JsonMapper json;

    AuditLog(AuditLogTable entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /** No {@code before} is a create, no {@code after} a delete. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(EntityType type, String entityId, Object before, Object after) {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a before or an after");
        }
        String action = before == null ? "create" : after == null ? "delete" : "update";
        String actor = ApiPrincipal.current().map(ApiPrincipal::name).orElse(SYSTEM);
        entries.insert(actor, action, type.wireName(), entityId, toJson(before), toJson(after));
    }

    private String toJson(Object entity) {
        if (entity == null) {
            return null;
        }
        JsonNode tree = json.valueToTree(entity);
        if (tree instanceof ObjectNode object) {
            for (String name : Set.copyOf(object.propertyNames())) {
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)) && !object.get(name).isNull()) {
                    object.put(name, MASK);
                }
            }
        }
        return json.writeValueAsString(tree);
    }
}
