package dev.switchboard.usage.audit;

import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API to read the audit log of database-less services; there is deliberately no endpoint that changes it. */
@RestController
class AuditController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/api/v1/audit")
    List<AuditRecord> find(@RequestParam(required = false) String service,
                           @RequestParam(required = false) String entityType,
                           @RequestParam(required = false) String entityId,
                           @RequestParam(required = false) Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ServiceException.invalid("limit: must be between 1 and " + MAX_LIMIT);
        }
        return auditLog.find(blankToNull("service", service), blankToNull("entityType", entityType),
                blankToNull("entityId", entityId), max);
    }

    private static String blankToNull(String name, String value) {
        if (value != null && value.isBlank()) {
            throw ServiceException.invalid(name + ": must not be empty");
        }
        return value;
    }
}
