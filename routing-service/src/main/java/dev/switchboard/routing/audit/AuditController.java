package dev.switchboard.routing.audit;

import dev.switchboard.serviceweb.ServiceException;
import dev.switchboard.serviceweb.audit.AuditEntry;
import dev.switchboard.serviceweb.audit.AuditLogTable;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API to read the audit log; there is deliberately no endpoint that changes it. */
@RestController
class AuditController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final AuditLogTable entries;

    AuditController(AuditLogTable entries) {
        this.entries = entries;
    }

    @GetMapping("/api/v1/audit")
    List<AuditEntry> find(@RequestParam(required = false) String entityType,
                                 @RequestParam(required = false) String entityId,
                                 @RequestParam(required = false) Integer limit) {
        String type = entityType == null ? null : EntityType.fromWireName(entityType).wireName();
        if (entityId != null && entityId.isEmpty()) {
            throw ServiceException.invalid("entityId: must not be empty");
        }
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ServiceException.invalid("limit: must be between 1 and " + MAX_LIMIT);
        }
        return entries.find(type, entityId, max);
    }
}
